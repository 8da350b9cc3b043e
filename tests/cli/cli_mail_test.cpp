// tiller-cli mail against a real SMTP server on 127.0.0.1.
#include "cli_runner.hpp"
#include "smtp_sink.hpp"
#include "test_database.hpp"

#include <catch2/catch.hpp>

using namespace tiller;
using tiller::test::Cli;
using tiller::test::SmtpSink;
using tiller::test::TestDatabase;

TEST_CASE("tiller-cli mail: settings, a test message, and a queue that survives a server outage", "[cli][mail]") {
    TestDatabase t;
    Cli cli(t.dir());
    std::string db = t.url().text();
    int downPort = test::freeLoopbackPort();
    auto set = cli.run({"--db", db, "mail", "settings", "--host", "127.0.0.1", "--port", std::to_string(downPort),
                        "--from", "shop@example.invalid", "--user", "shop", "--password-stdin", "--json"},
                       {}, "smtp-secret\n");
    INFO(set.err);
    REQUIRE(set.exitCode == 0);
    CHECK(set.json()["password_set"] == true);
    CHECK(set.out.find("smtp-secret") == std::string::npos);  // never shown

    // The server is down: the message is kept and says why.
    auto queued = cli.run({"--db", db, "mail", "send", "wangfang@example.invalid", "--subject", "回访提醒", "--body-stdin", "--json"},
                          {}, "明天上午回访王芳。\n");
    REQUIRE(queued.exitCode == 0);
    CHECK(queued.json()["postponed"] == 1);
    auto list = cli.run({"--db", db, "mail", "queue", "--json"}).json();
    REQUIRE(list["messages"].size() == 1);
    CHECK(list["messages"][0]["state"] == "queued");
    CHECK_THAT(list["messages"][0]["last_error"].get<std::string>(), Catch::Contains("cannot deliver"));

    // The server is back: retry now.
    SmtpSink sink;
    REQUIRE(cli.run({"--db", db, "mail", "settings", "--port", std::to_string(sink.port())}).exitCode == 0);
    auto delivered = cli.run({"--db", db, "mail", "deliver", "--now", "--json"});
    REQUIRE(delivered.exitCode == 0);
    CHECK(delivered.json()["sent"] == 1);
    REQUIRE(cli.run({"--db", db, "mail", "test", "lisi@example.invalid"}).exitCode == 0);
    auto received = sink.messages();
    REQUIRE(received.size() == 2);
    CHECK_THAT(received[0], Catch::Contains("To: wangfang@example.invalid"));
    CHECK_THAT(received[1], Catch::Contains("To: lisi@example.invalid"));
    CHECK(cli.run({"--db", db, "mail", "queue", "--json"}).json()["messages"][0]["state"] == "sent");
}

TEST_CASE("tiller-cli mail refuses bad settings with the field named", "[cli][mail]") {
    TestDatabase t;
    Cli cli(t.dir());
    auto r = cli.run({"--db", t.url().text(), "mail", "settings", "--host", "127.0.0.1", "--from", "not-an-address"});
    CHECK(r.exitCode == 1);
    CHECK_THAT(r.err, Catch::Contains("from: 'not-an-address' is not an email address"));
}
