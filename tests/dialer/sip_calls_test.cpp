// Real SIP calls on 127.0.0.1 (issue 8, "Tests"): sipp calls Tiller's phone with a known
// customer's number in several forms, with an unknown number, a withheld one and one with
// letters; Tiller calls sipp, which answers and hangs up, is busy, or never answers. Each time
// the screen-pop lookup and the call-log row must be right.
#include "sip_office.hpp"

#include <tiller/messages/message_box.hpp>

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace tiller;
using namespace std::chrono_literals;
namespace tel = tiller::telephony;
using dialer::test::Office;
using dialer::test::SipPhone;

TEST_CASE("a known customer calling in any number format pops up before the answer and is logged", "[sip]") {
    Office office;
    test::TempDir dir;
    SipPhone tiller(office.host, dir / "phone");
    tiller.phone->setAutoAnswer(0.3);
    for (const char* callerId : {"+8613800138000", "013800138000", "13800138000"}) {
        INFO(callerId);
        auto before = tiller.ended.size();
        auto sipp = dialer::test::sippCalls(dir, tiller.port, callerId, "王伟", 800);
        REQUIRE(tiller.pollUntil([&] { return tiller.ended.size() > before; }));
        REQUIRE(tiller.incoming.size() == before + 1);
        const auto& pop = tiller.incoming.back();
        CHECK(pop.remoteNumber == callerId);
        CHECK(pop.remoteName == "王伟");
        CHECK(pop.caller.known);
        CHECK(pop.caller.recordId == office.customer);
        CHECK(pop.caller.name == "北京华信科技");
        CHECK(pop.caller.ownerName == "mei");
        CHECK(pop.lookupMs < 150);
        const auto& [end, logId] = tiller.ended.back();
        CHECK(end.result == tel::CallResult::answered);
        CHECK(end.ringMs >= 250);
        CHECK(end.talkMs >= 600);
        CHECK(logId > 0);
        CHECK(sipp->wait(5s) == 0);
    }
    auto log = dialer::CallLog(*office.database).ofRecord("contacts.customer", office.customer);
    REQUIRE(log.size() == 3);
    for (const auto& call : log) {
        CHECK(call.direction == tel::Direction::incoming);
        CHECK(call.result == tel::CallResult::answered);
        CHECK(call.agentName == "mei");
        CHECK(call.talkMs >= 600);
        CHECK(call.answeredAt);
    }
}

TEST_CASE("an unknown, a withheld and a lettered caller ID pop up as such, a turned-away call is logged", "[sip]") {
    Office office;
    test::TempDir dir;
    SipPhone tiller(office.host, dir / "phone");
    struct Case {
        const char* user;
        const char* host;
        bool anonymous;
        const char* region;
    };
    // The offline geocoder answers in the running language (English here): 010 is Beijing.
    for (auto c : {Case{"+861062345678", "127.0.0.1", false, "Beijing"}, Case{"anonymous", "anonymous.invalid", true, ""},
                   Case{"alice", "127.0.0.1", false, ""}}) {
        INFO(c.user);
        auto before = tiller.ended.size();
        auto sipp = dialer::test::sippCalls(dir, tiller.port, c.user, "", 500, c.host);
        REQUIRE(tiller.pollUntil([&] { return tiller.incoming.size() > before; }));
        const auto pop = tiller.incoming.back();
        CHECK_FALSE(pop.caller.known);
        CHECK(pop.caller.anonymous == c.anonymous);
        CHECK(pop.caller.region == c.region);
        tiller.phone->provider().reject(pop.id, false);  // the agent presses Reject
        REQUIRE(tiller.pollUntil([&] { return tiller.ended.size() > before; }));
        CHECK(tiller.ended.back().first.result == tel::CallResult::rejected);
        CHECK(tiller.ended.back().first.talkMs == 0);
        sipp->wait(5s);
    }
    CHECK(dialer::CallLog(*office.database).recent().size() == 3);
}

TEST_CASE("a caller who gives up before the answer is a missed call in the agent's message box", "[sip]") {
    Office office;
    test::TempDir dir;
    SipPhone tiller(office.host, dir / "phone");
    auto sipp = dialer::test::sippCalls(dir, tiller.port, "13800138000", "王伟", 1500, "127.0.0.1", "uac_cancel.xml");
    REQUIRE(tiller.pollUntil([&] { return !tiller.ended.empty(); }));
    CHECK(tiller.incoming.size() == 1);
    const auto& [end, logId] = tiller.ended[0];
    CHECK(end.result == tel::CallResult::missed);
    CHECK(end.ringMs >= 1200);
    CHECK(end.talkMs == 0);
    CHECK(sipp->wait(5s) == 0);
    messages::MessageBox box(office.host, office.clock);
    auto unread = box.messages(true);
    REQUIRE(unread.size() == 1);
    CHECK(unread[0].title == "Missed call from 北京华信科技 (138 0013 8000)");
    CHECK(dialer::CallLog(*office.database).byId(logId)->result == tel::CallResult::missed);
}

TEST_CASE("Tiller calls sipp: answered then hung up by the far end, busy, and no answer", "[sip]") {
    Office office;
    test::TempDir dir;
    SipPhone tiller(office.host, dir / "phone", 2500);
    struct Case {
        const char* scenario;
        tel::CallResult result;
        bool talked;
    };
    for (auto c : {Case{"uas_answer_hangup.xml", tel::CallResult::answered, true}, Case{"uas_busy.xml", tel::CallResult::busy, false},
                   Case{"uas_no_answer.xml", tel::CallResult::noAnswer, false}}) {
        INFO(c.scenario);
        int port = 0;
        auto sipp = dialer::test::sippAnswers(dir, c.scenario, port);
        auto before = tiller.ended.size();
        std::string id = tiller.phone->dialTo("13800138000", "sip:13800138000@127.0.0.1:" + std::to_string(port));
        REQUIRE(tiller.pollUntil([&] { return tiller.ended.size() > before; }, 20s));
        const auto& [end, logId] = tiller.ended.back();
        CHECK(end.callId == id);
        CHECK(end.direction == tel::Direction::outgoing);
        CHECK(end.result == c.result);
        CHECK(end.remoteNumber == "13800138000");
        if (c.talked) {
            CHECK(end.talkMs >= 1500);  // the far end hangs up 2 s after answering
            CHECK(end.talkMs < 6000);
        } else {
            CHECK(end.talkMs == 0);
        }
        if (c.result == tel::CallResult::noAnswer) CHECK(end.ringMs >= 2400);
        auto logged = dialer::CallLog(*office.database).byId(logId);
        REQUIRE(logged);
        CHECK(logged->result == c.result);
        CHECK(logged->recordId == office.customer);  // the number dialled is the customer's
        // The phone goes on working (the ACK of a 487) while sipp finishes.
        CHECK(tiller.pollUntil([&] { return sipp->exited().has_value(); }, 10s));
    }
}

TEST_CASE("a busy agent turns calls away, and Tiller refuses to dial while busy", "[sip]") {
    Office office;
    test::TempDir dir;
    SipPhone tiller(office.host, dir / "phone");
    tiller.phone->setAgentState(tel::AgentState::busy);
    std::string why;
    CHECK_FALSE(tiller.phone->canDial(&why));
    CHECK_THAT(why, Catch::Contains("busy"));
    CHECK_THROWS_AS(tiller.phone->dial("13800138000"), tel::Refused);
    auto sipp = dialer::test::sippCalls(dir, tiller.port, "13800138000", "王伟", 500);
    REQUIRE(tiller.pollUntil([&] { return !tiller.ended.empty(); }));
    CHECK(tiller.incoming.empty());  // no pop for a call turned away
    CHECK(tiller.ended[0].first.result == tel::CallResult::rejected);
    sipp->wait(5s);
    tiller.phone->setAgentState(tel::AgentState::idle);
    CHECK_THROWS_WITH(tiller.phone->dial("abc"), Catch::Contains("not a number"));
}

TEST_CASE("a second call while talking waits, pops up, and can be turned away", "[sip]") {
    Office office;
    test::TempDir dir;
    SipPhone tiller(office.host, dir / "phone");
    auto first = dialer::test::sippCalls(dir, tiller.port, "13800138000", "王伟", 4000);
    REQUIRE(tiller.pollUntil([&] { return tiller.incoming.size() == 1; }));
    tiller.phone->answer(tiller.incoming[0].id);
    REQUIRE(tiller.pollUntil([&] { return tiller.phone->current() && tiller.phone->current()->answeredAt; }));
    auto second = dialer::test::sippCalls(dir, tiller.port, "+8613700137000", "", 500);
    REQUIRE(tiller.pollUntil([&] { return tiller.incoming.size() == 2; }));
    CHECK(tiller.phone->calls().size() == 2);
    CHECK(tiller.phone->current()->id == tiller.incoming[0].id);  // the bar stays on the talking call
    tiller.phone->provider().reject(tiller.incoming[1].id, true);
    REQUIRE(tiller.pollUntil([&] { return tiller.ended.size() == 1; }));
    CHECK(tiller.ended[0].first.callId == tiller.incoming[1].id);
    CHECK(tiller.ended[0].first.result == tel::CallResult::rejected);
    REQUIRE(tiller.pollUntil([&] { return tiller.ended.size() == 2; }, 10s));  // the first caller hangs up
    CHECK(tiller.ended[1].first.result == tel::CallResult::answered);
    first->wait(5s);
    second->wait(5s);
}

TEST_CASE("a call whose far end vanishes ends by itself when its sound stops, and is logged", "[sip]") {
    Office office;
    test::TempDir dir;
    SipPhone tiller(office.host, dir / "phone", 30000, 3);
    int port = 0;
    auto sipp = dialer::test::sippAnswers(dir, "uas_answer_wait.xml", port);
    tiller.phone->dialTo("13800138000", "sip:13800138000@127.0.0.1:" + std::to_string(port));
    REQUIRE(tiller.pollUntil([&] { return tiller.phone->current() && tiller.phone->current()->answeredAt; }));
    sipp->stop();  // the network drops: no BYE will ever come
    auto dropped = std::chrono::steady_clock::now();
    REQUIRE(tiller.pollUntil([&] { return !tiller.ended.empty(); }, 15s));
    CHECK(std::chrono::steady_clock::now() - dropped < 10s);
    CHECK(tiller.ended[0].first.result == tel::CallResult::answered);  // it was a conversation, cut short
    CHECK(tiller.ended[0].first.talkMs >= 2000);
    CHECK(tiller.phone->calls().empty());
    CHECK(dialer::CallLog(*office.database).byId(tiller.ended[0].second));
    std::string why;
    CHECK(tiller.phone->canDial(&why));  // ready for the next call
}

TEST_CASE("malformed SIP is turned away without a pop, and the phone goes on taking calls", "[sip]") {
    Office office;
    test::TempDir dir;
    SipPhone tiller(office.host, dir / "phone");
    int sock = ::socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in target{};
    target.sin_family = AF_INET;
    target.sin_port = htons(static_cast<uint16_t>(tiller.port));
    target.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    for (std::string junk : {std::string("\x00\xff\xfe binary junk \x01\x02", 22), std::string("INVITE sip:x SIP/2.0\r\n\r\n"),
                             std::string("INVITE sip:bench@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK-1\r\n"
                                         "From: <sip:13800138000@127.0.0.1>;tag=1\r\nTo: <sip:bench@127.0.0.1>\r\nCSeq: x INVITE\r\n"
                                         "Content-Length: 9999\r\n\r\nv=0\r\n")})
        ::sendto(sock, junk.data(), junk.size(), 0, reinterpret_cast<sockaddr*>(&target), sizeof target);
    ::close(sock);
    tiller.pollUntil([] { return false; }, 1s);  // let it read them all
    CHECK(tiller.incoming.empty());
    CHECK(tiller.ended.empty());
    tiller.phone->setAutoAnswer(0.2);
    auto sipp = dialer::test::sippCalls(dir, tiller.port, "13800138000", "王伟", 500);
    REQUIRE(tiller.pollUntil([&] { return !tiller.ended.empty(); }));
    CHECK(tiller.incoming.size() == 1);
    CHECK(tiller.ended[0].first.result == tel::CallResult::answered);
    CHECK(tiller.pollUntil([&] { return sipp->exited().has_value(); }, 5s));
}

TEST_CASE("a call to an address where nothing answers ends in time, not after liblinphone's 32 s", "[sip]") {
    Office office;
    test::TempDir dir;
    SipPhone tiller(office.host, dir / "phone", 2000);
    auto started = std::chrono::steady_clock::now();
    tiller.phone->dialTo("13800138000", "sip:13800138000@127.0.0.1:" + std::to_string(test::freeUdpPort()));
    REQUIRE(tiller.pollUntil([&] { return !tiller.ended.empty(); }, 10s));
    CHECK(std::chrono::steady_clock::now() - started < 5s);
    auto result = tiller.ended[0].first.result;
    CHECK((result == tel::CallResult::noAnswer || result == tel::CallResult::failed));
    CHECK(tiller.ended[0].first.talkMs == 0);
}

TEST_CASE("calls are recorded always or when the agent asks, into files the call log names", "[sip]") {
    Office office;
    test::TempDir dir;
    SipPhone tiller(office.host, dir / "phone", 30000, 30, dir / "recordings");
    auto call = [&](bool always) {
        tiller.phone->setRecordAlways(always);
        int port = 0;
        auto sipp = dialer::test::sippAnswers(dir, "uas_answer_hangup.xml", port);
        auto before = tiller.ended.size();
        std::string id = tiller.phone->dialTo("13800138000", "sip:13800138000@127.0.0.1:" + std::to_string(port));
        REQUIRE(tiller.pollUntil([&] { return tiller.phone->call(id) && tiller.phone->call(id)->answeredAt; }));
        if (!always) tiller.phone->record(id);  // the agent presses Record
        CHECK_FALSE(tiller.phone->call(id)->recording.empty());
        REQUIRE(tiller.pollUntil([&] { return tiller.ended.size() > before; }, 10s));
        tiller.pollUntil([&] { return sipp->exited().has_value(); }, 5s);
        return dialer::CallLog(*office.database).byId(tiller.ended.back().second)->recording;
    };
    for (bool always : {true, false}) {
        INFO((always ? "always" : "on demand"));
        auto file = call(always);
        REQUIRE_FALSE(file.empty());
        CHECK(std::filesystem::path(file).parent_path() == dir / "recordings");
        CHECK(std::filesystem::exists(file));
    }
    // Without a recordings folder the phone cannot record, and says so.
    SipPhone plain(office.host, dir / "plain");
    int port = 0;
    auto sipp = dialer::test::sippAnswers(dir, "uas_answer_hangup.xml", port);
    std::string id = plain.phone->dialTo("13800138000", "sip:13800138000@127.0.0.1:" + std::to_string(port));
    REQUIRE(plain.pollUntil([&] { return plain.phone->call(id) && plain.phone->call(id)->answeredAt; }));
    CHECK_THROWS_AS(plain.phone->record(id), tel::Refused);
    plain.pollUntil([&] { return sipp->exited().has_value(); }, 10s);
}
