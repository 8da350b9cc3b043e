// The call log (SPEC §7.4) and the phone's settings, on SQLite and PostgreSQL, without SIP:
// ended calls are written with their times, result and customer; a missed call reaches the
// agent's message box; the office's settings need dialer.configure; this PC's file is read
// back as written and a broken one is refused with its line.
#include "dialer_shop.hpp"

#include "core/call_log.hpp"
#include "core/phone_settings.hpp"

#include "temp_dir.hpp"

#include <tiller/errors.hpp>
#include <tiller/messages/message_box.hpp>

#include <catch2/catch.hpp>

#include <fstream>

using namespace tiller;
namespace tel = tiller::telephony;

namespace {

tel::CallEvent ended(const std::string& id, tel::Direction direction, tel::CallResult result, long long start, long long ringMs,
                     long long talkMs) {
    tel::CallEvent e;
    e.kind = tel::CallEvent::Kind::ended;
    e.callId = id;
    e.direction = direction;
    e.remoteNumber = "+8613800138000";
    e.remoteName = "王伟";
    e.account = "8001";
    e.startedAtMs = start;
    e.ringMs = ringMs;
    e.talkMs = talkMs;
    e.atMs = start + ringMs + talkMs;
    e.result = result;
    return e;
}

}  // namespace

TEST_CASE("ended calls go into the call log linked to the customer, newest first", "[dialer][calllog]") {
    dialer::test::Office office;
    auto caller = office.host.service<tel::CallerLookup>()->lookup(office.host, "+8613800138000", "zh_CN");
    REQUIRE(caller.known);
    dialer::CallLog log(*office.database);
    long long start = office.clock.nowMs();
    long long first = log.record(ended("a", tel::Direction::incoming, tel::CallResult::answered, start, 4000, 65000), caller,
                                 office.host.actingUser(), "/recordings/a.wav");
    long long second = log.record(ended("b", tel::Direction::outgoing, tel::CallResult::busy, start + 100000, 1500, 0), caller,
                                  office.host.actingUser());
    tel::Caller nobody;
    nobody.typed = "+8613700000000";
    log.record(ended("c", tel::Direction::incoming, tel::CallResult::missed, start + 200000, 20000, 0), nobody, std::nullopt);

    auto calls = log.ofRecord("contacts.customer", office.customer);
    REQUIRE(calls.size() == 2);
    CHECK(calls[0].id == second);
    CHECK(calls[0].result == tel::CallResult::busy);
    CHECK(calls[0].direction == tel::Direction::outgoing);
    CHECK_FALSE(calls[0].answeredAt);
    CHECK(calls[1].id == first);
    CHECK(calls[1].answeredAt == start + 4000);
    CHECK(calls[1].endedAt == start + 69000);
    CHECK(calls[1].ringMs == 4000);
    CHECK(calls[1].talkMs == 65000);
    CHECK(calls[1].agentName == "mei");
    CHECK(calls[1].recording == "/recordings/a.wav");
    CHECK(calls[1].remoteName == "王伟");
    CHECK(log.recent().size() == 3);
    CHECK_FALSE(log.recent()[0].recordId);  // the unknown caller's
    CHECK(log.byId(first)->callId == "a");
    CHECK_FALSE(log.byId(999999));
}

TEST_CASE("a missed call lands in the agent's message box, naming the customer", "[dialer][calllog]") {
    dialer::test::Office office;
    auto caller = office.host.service<tel::CallerLookup>()->lookup(office.host, "13800138000", "en");
    dialer::CallLog log(*office.database);
    long long start = office.clock.nowMs();
    log.record(ended("m", tel::Direction::incoming, tel::CallResult::missed, start, 18000, 0), caller, office.host.actingUser());
    log.record(ended("n", tel::Direction::outgoing, tel::CallResult::noAnswer, start, 30000, 0), caller, office.host.actingUser());
    log.record(ended("o", tel::Direction::incoming, tel::CallResult::answered, start, 3000, 1000), caller, office.host.actingUser());
    messages::MessageBox box(office.host, office.clock);
    auto unread = box.messages(true);
    REQUIRE(unread.size() == 1);  // only the missed incoming call
    CHECK(unread[0].title == "Missed call from 北京华信科技 (138 0013 8000)");
    CHECK(unread[0].entity == "contacts.customer");
    CHECK(unread[0].recordId == office.customer);
}

TEST_CASE("the office's phone settings are kept in the database and need dialer.configure", "[dialer][settings]") {
    dialer::test::Office office;
    CHECK(dialer::loadOfficePhone(*office.database).server.empty());
    dialer::OfficePhone phone;
    phone.server = "127.0.0.1:5070";
    phone.transport = tel::Transport::tcp;
    phone.recording = dialer::Recording::onDemand;
    phone.ringSeconds = 45;
    CHECK_THROWS_AS(dialer::saveOfficePhone(office.host, phone), PermissionDenied);  // mei
    office.signIn("admin");
    dialer::saveOfficePhone(office.host, phone);
    auto back = dialer::loadOfficePhone(*office.database);
    CHECK(back.server == "127.0.0.1:5070");
    CHECK(back.transport == tel::Transport::tcp);
    CHECK(back.recording == dialer::Recording::onDemand);
    CHECK(back.ringSeconds == 45);
    phone.ringSeconds = 2;
    CHECK_THROWS_AS(dialer::saveOfficePhone(office.host, phone), ValidationError);
    phone.ringSeconds = 30;
    phone.server = "pbx.example /x";
    CHECK_THROWS_AS(dialer::saveOfficePhone(office.host, phone), ValidationError);
    CHECK(dialer::loadOfficePhone(*office.database).ringSeconds == 45);  // nothing half-saved
}

TEST_CASE("without a PC account, the signed-in person's extension registers on the office PBX", "[dialer][settings]") {
    dialer::test::Office office;
    office.signIn("admin");
    dialer::OfficePhone phone;
    phone.server = "127.0.0.1:5070";
    dialer::saveOfficePhone(office.host, phone);
    office.database->withSession([](soci::session& s) { s << "UPDATE core_user SET extension = '8001' WHERE login = 'mei'"; });
    office.signIn("mei");
    auto accounts = dialer::accountsToRegister(office.host, dialer::loadOfficePhone(*office.database), {});
    REQUIRE(accounts.size() == 1);
    CHECK(accounts[0].user == "8001");
    CHECK(accounts[0].server == "127.0.0.1:5070");
    CHECK(accounts[0].displayName == "mei");
    // An extension bound to the PC wins over the person's own.
    dialer::PcPhone pc;
    pc.accounts.push_back({"desk", "127.0.0.1:5070", "8009", "前台", "", tel::Transport::udp, ""});
    accounts = dialer::accountsToRegister(office.host, dialer::loadOfficePhone(*office.database), pc);
    REQUIRE(accounts.size() == 1);
    CHECK(accounts[0].user == "8009");
    office.signIn("boss");  // no extension, no PC account: nothing to register
    CHECK(dialer::accountsToRegister(office.host, dialer::loadOfficePhone(*office.database), {}).empty());
}

TEST_CASE("this PC's phone file is read back as written, a broken one names its line", "[dialer][settings]") {
    test::TempDir dir;
    auto file = dir / "dialer.yaml";
    CHECK(dialer::loadPcPhone(file).accounts.empty());  // none yet: defaults
    dialer::PcPhone pc;
    pc.accounts.push_back({"desk", "127.0.0.1:5070", "8009", "前台", "not-kept", tel::Transport::tls, "127.0.0.1:5071"});
    pc.codecs = {"PCMA", "opus"};
    pc.sipPort = 5099;
    pc.bindAddress = "127.0.0.1";
    pc.soundFiles = true;
    pc.ringFile = (dir / "ring.wav").string();
    std::ofstream(pc.ringFile) << "RIFF";
    dialer::savePcPhone(pc, file);
    CHECK(test::readFile(file).find("not-kept") == std::string::npos);  // passwords go to the keyring only
    auto back = dialer::loadPcPhone(file);
    REQUIRE(back.accounts.size() == 1);
    CHECK(back.accounts[0].displayName == "前台");
    CHECK(back.accounts[0].transport == tel::Transport::tls);
    CHECK(back.accounts[0].outboundProxy == "127.0.0.1:5071");
    CHECK(back.codecs == std::vector<std::string>{"PCMA", "opus"});
    CHECK(back.sipPort == 5099);
    CHECK(back.soundFiles);
    CHECK(back.ringFile == pc.ringFile);

    auto broken = [&](const std::string& yaml) {
        std::ofstream(file, std::ios::trunc) << yaml;
        try {
            dialer::loadPcPhone(file);
        } catch (const ConfigError& e) {
            return std::to_string(e.line()) + " " + e.what();
        }
        return std::string("accepted");
    };
    CHECK_THAT(broken("sip_port: 5060\naccounts: [\n"), Catch::StartsWith("3 ") || Catch::StartsWith("2 "));
    CHECK_THAT(broken("sip_port: fifty\n"), Catch::StartsWith("1 ") && Catch::Contains("sip_port"));
    CHECK_THAT(broken("sip_port: 5060\naccounts:\n  - {server: 127.0.0.1}\n"), Catch::StartsWith("3 ") && Catch::Contains("user"));
    CHECK_THAT(broken("accounts:\n  - {user: '1', server: a, transport: sctp}\n"), Catch::Contains("udp, tcp or tls"));
    CHECK_THAT(broken("sound_files: maybe\n"), Catch::Contains("true or false"));
    CHECK_THAT(broken("sip_port: 5060\nring_file: /nowhere/ring.wav\n"), Catch::StartsWith("2 ") && Catch::Contains("not there"));
}
