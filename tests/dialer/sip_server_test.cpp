// Tiller's phone against a real SIP server (issue 8, "Tests"): Kamailio, started here on
// 127.0.0.1 as registrar and proxy with three accounts (tests/fixtures/kamailio). Registration
// with the right and a wrong password, and with no server at all; then 1001 calls 1002, holds,
// resumes and transfers the call to 1003; each phone's call log tells the story.
#include "sip_office.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>

using namespace tiller;
using namespace std::chrono_literals;
namespace tel = tiller::telephony;
using dialer::test::Office;
using dialer::test::SipPhone;

namespace {

std::string modulesDir() {
    for (const char* dir : {"/usr/lib/x86_64-linux-gnu/kamailio/modules", "/usr/lib/aarch64-linux-gnu/kamailio/modules",
                            "/usr/lib/kamailio/modules"})
        if (std::filesystem::exists(std::string(dir) + "/tm.so")) return dir;
    throw std::runtime_error("Kamailio's modules are not installed (apt-get install kamailio)");
}

// Kamailio in the foreground on a free loopback port, stopped with the object.
struct Kamailio {
    int port = test::freeUdpPort();
    std::unique_ptr<test::BackgroundProcess> process;

    explicit Kamailio(const test::TempDir& dir) {
        std::ifstream in(std::string(TILLER_FIXTURES) + "/kamailio/kamailio.cfg.in");
        std::stringstream text;
        text << in.rdbuf();
        std::string cfg = std::regex_replace(text.str(), std::regex("@PORT@"), std::to_string(port));
        cfg = std::regex_replace(cfg, std::regex("@MODULES_DIR@"), modulesDir());
        std::ofstream(dir / "kamailio.cfg") << cfg;
        std::filesystem::create_directories(dir / "kamailio-run");
        process = std::make_unique<test::BackgroundProcess>(
            std::vector<std::string>{"kamailio", "-f", (dir / "kamailio.cfg").string(), "-DD", "-E", "-Y", (dir / "kamailio-run").string()},
            dir / "kamailio.log");
        for (int i = 0; i < 250 && !test::udpPortBound(port); ++i) std::this_thread::sleep_for(20ms);
        if (!test::udpPortBound(port)) throw std::runtime_error("Kamailio did not start: see " + (dir / "kamailio.log").string());
    }
    std::string server() const { return "127.0.0.1:" + std::to_string(port); }
    ~Kamailio() {
        process->stop();
        if (std::getenv("TILLER_SIP_DEBUG")) std::cerr << "Kamailio's log:\n" << test::readFile(process->log()) << '\n';
    }
};

tel::Account account(const std::string& user, const std::string& password, const std::string& server) {
    return {user, server, user, "分机" + user, password, tel::Transport::udp, ""};
}

// Registers `user` and waits for the outcome.
tel::Registration registerPhone(SipPhone& phone, const tel::Account& a) {
    phone.phone->setRegistrationNeeded(true);
    phone.sip->addAccount(a);
    phone.pollUntil([&] {
        auto r = phone.phone->registration();
        return r == tel::Registration::ok || r == tel::Registration::failed;
    }, 10s);
    return phone.phone->registration();
}

// Kamailio with three phones registered on it: 1001 (a), 1002 (b) and 1003 (c).
struct ThreePhones {
    Office office;
    test::TempDir dir;
    Kamailio kamailio{dir};
    SipPhone a{office.host, dir / "a"}, b{office.host, dir / "b"}, c{office.host, dir / "c"};

    ThreePhones() {
        REQUIRE(registerPhone(a, account("1001", "secret1001", kamailio.server())) == tel::Registration::ok);
        REQUIRE(registerPhone(b, account("1002", "secret1002", kamailio.server())) == tel::Registration::ok);
        REQUIRE(registerPhone(c, account("1003", "secret1003", kamailio.server())) == tel::Registration::ok);
    }
    // Polls the three phones, as each PC's window would, until `done`.
    bool pollAll(const std::function<bool()>& done, std::chrono::milliseconds limit = 10s) {
        auto until = std::chrono::steady_clock::now() + limit;
        while (!done()) {
            if (std::chrono::steady_clock::now() > until) return false;
            for (auto* p : {&a, &b, &c}) p->phone->poll();
            std::this_thread::sleep_for(10ms);
        }
        return true;
    }
    static dialer::ActiveCall::State state(SipPhone& p, const std::string& id) {
        const auto* call = p.phone->call(id);
        return call ? call->state : dialer::ActiveCall::State::ringing;
    }
    static bool talking(SipPhone& p, const std::string& id) { return state(p, id) == dialer::ActiveCall::State::talking; }
};

}  // namespace

TEST_CASE("registration: the right password registers, a wrong one fails at once, no server fails in time", "[sip][kamailio]") {
    Office office;
    test::TempDir dir;
    Kamailio kamailio(dir);
    SipPhone good(office.host, dir / "good");
    CHECK(registerPhone(good, account("1001", "secret1001", kamailio.server())) == tel::Registration::ok);
    CHECK(good.phone->canDial());

    SipPhone wrong(office.host, dir / "wrong");
    auto started = std::chrono::steady_clock::now();
    CHECK(registerPhone(wrong, account("1002", "not-the-password", kamailio.server())) == tel::Registration::failed);
    CHECK(std::chrono::steady_clock::now() - started < 3s);
    CHECK_THAT(wrong.phone->registrationReason(), Catch::Contains("401") || Catch::Contains("Unauthorized"));
    std::string why;
    CHECK_FALSE(wrong.phone->canDial(&why));
    CHECK_THAT(why, Catch::Contains("not registered"));

    SipPhone lonely(office.host, dir / "lonely");
    started = std::chrono::steady_clock::now();
    CHECK(registerPhone(lonely, account("1003", "secret1003", "127.0.0.1:" + std::to_string(test::freeUdpPort()))) ==
          tel::Registration::failed);
    CHECK(std::chrono::steady_clock::now() - started < 6s);  // the phone's own 3 s, not liblinphone's 32 s
    CHECK(lonely.phone->registrationReason() == "no answer from the server");
}

TEST_CASE_METHOD(ThreePhones, "1001 calls 1002 through Kamailio, holds, resumes and transfers the call to 1003", "[sip][kamailio]") {
    c.phone->setAutoAnswer(0.2);

    a.phone->dial("1002");
    REQUIRE(pollAll([&] { return !b.incoming.empty(); }));
    CHECK(b.incoming[0].remoteNumber == "1001");
    CHECK(b.incoming[0].remoteName == "分机1001");
    b.phone->answer(b.incoming[0].id);
    auto aTalking = [&] { return a.phone->current() && a.phone->current()->state == dialer::ActiveCall::State::talking; };
    REQUIRE(pollAll(aTalking));

    std::string call = a.phone->current()->id;
    a.phone->provider().hold(call);
    auto held = [](SipPhone& p) { return p.phone->current() && p.phone->current()->state == dialer::ActiveCall::State::held; };
    REQUIRE(pollAll([&] { return held(a) && held(b); }));  // both ends know
    a.phone->provider().resume(call);
    REQUIRE(pollAll([&] { return aTalking() && b.phone->current()->state == dialer::ActiveCall::State::talking; }));
    a.phone->provider().sendDtmf(call, '5');

    a.phone->provider().transfer(call, "1003");
    REQUIRE(pollAll([&] { return !a.ended.empty() && !c.incoming.empty(); }, 15s));
    CHECK(a.ended[0].first.result == tel::CallResult::transferred);
    CHECK(a.ended[0].first.transferTarget == "1003");
    CHECK(c.incoming[0].remoteNumber == "1002");  // the transferred party calls 1003 itself
    REQUIRE(pollAll([&] { return c.phone->current() && c.phone->current()->answeredAt; }));
    c.phone->hangUp(c.phone->current()->id);
    REQUIRE(pollAll([&] { return !b.ended.empty() && !c.ended.empty() && b.phone->calls().empty(); }, 15s));
    CHECK(c.ended[0].first.result == tel::CallResult::answered);

    // The call log: A's call transferred, B's calls answered, C's answered.
    auto log = dialer::CallLog(*office.database).recent();
    std::map<std::string, int> results;
    for (const auto& entry : log) ++results[tel::toString(entry.result)];
    CHECK(results["transferred"] == 1);
    CHECK(results["answered"] >= 2);
    bool targetLogged = false;
    for (const auto& entry : log) targetLogged |= entry.result == tel::CallResult::transferred && entry.transferTarget == "1003";
    CHECK(targetLogged);
}

TEST_CASE_METHOD(ThreePhones, "1001 talks to 1002, holds, calls 1003 and joins all three", "[sip][kamailio]") {
    b.phone->setAutoAnswer(0.1);
    c.phone->setAutoAnswer(0.1);

    // Three-way: 1001 talks to 1002, holds, calls 1003, and joins both.
    a.phone->dial("1002");
    std::string first = a.phone->calls().back().id;
    REQUIRE(pollAll([&] { return talking(a, first); }));
    a.phone->provider().hold(first);
    REQUIRE(pollAll([&] { return state(a, first) == dialer::ActiveCall::State::held; }));
    a.phone->dial("1003");
    std::string second = a.phone->calls().back().id;
    REQUIRE(pollAll([&] { return talking(a, second); }));
    a.phone->provider().conference(first, second);
    REQUIRE(pollAll([&] { return talking(a, first) && talking(a, second); }, 15s));
    CHECK(b.phone->current()->state == dialer::ActiveCall::State::talking);
    CHECK(c.phone->current()->state == dialer::ActiveCall::State::talking);
}

TEST_CASE_METHOD(ThreePhones, "1001 consults 1003 while 1002 waits on hold, then connects them (attended transfer)", "[sip][kamailio]") {
    b.phone->setAutoAnswer(0.1);
    c.phone->setAutoAnswer(0.1);
    a.phone->dial("1002");
    std::string caller = a.phone->calls().back().id;
    REQUIRE(pollAll([&] { return talking(a, caller); }));
    a.phone->provider().hold(caller);
    REQUIRE(pollAll([&] { return state(a, caller) == dialer::ActiveCall::State::held; }));
    a.phone->dial("1003");  // allowed: the other call is on hold
    std::string consultation = a.phone->calls().back().id;
    REQUIRE(pollAll([&] { return talking(a, consultation); }));
    a.phone->provider().transferToConsultation(caller, consultation);
    REQUIRE(pollAll([&] { return a.phone->calls().empty(); }, 15s));
    std::map<std::string, tel::CallResult> results;
    for (const auto& [event, id] : a.ended) results[event.callId] = event.result;
    CHECK(results[caller] == tel::CallResult::transferred);
    // The consultation ends by 1003's own hang-up (its call was replaced) or by this phone's.
    CHECK((results[consultation] == tel::CallResult::transferred || results[consultation] == tel::CallResult::answered));
    // 1002 and 1003 now talk to each other, one call each.
    REQUIRE(pollAll([&] {
        return b.phone->calls().size() == 1 && c.phone->calls().size() == 1 &&
               b.phone->current()->state == dialer::ActiveCall::State::talking &&
               c.phone->current()->state == dialer::ActiveCall::State::talking;
    }, 15s));
}
