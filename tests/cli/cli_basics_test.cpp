// tiller-cli's contract with people and scripts: --help everywhere, one-line errors, exit codes.
#include "cli_runner.hpp"

#include <tiller/version.hpp>

#include <catch2/catch.hpp>

using tiller::test::Cli;
using tiller::test::TempDir;

namespace {
bool oneLine(const std::string& text) {
    return !text.empty() && text.find('\n') == text.size() - 1;
}
}  // namespace

TEST_CASE("tiller-cli version prints text or one JSON document", "[cli]") {
    TempDir home;
    Cli cli(home);
    auto text = cli.run({"version"});
    CHECK(text.exitCode == 0);
    CHECK(text.out == std::string("tiller-cli ") + tiller::kVersion + "\n");
    auto json = cli.run({"version", "--json"});
    REQUIRE(json.exitCode == 0);
    CHECK(json.json()["version"] == tiller::kVersion);
}

TEST_CASE("every command has --help", "[cli]") {
    TempDir home;
    Cli cli(home);
    for (const char* command : {"version", "migrate", "backup", "restore"}) {
        INFO(command);
        auto r = cli.run({command, "--help"});
        CHECK(r.exitCode == 0);
        CHECK_THAT(r.out, Catch::Contains("Usage") || Catch::Contains("usage"));
        CHECK_THAT(r.out, Catch::Contains("--db"));
    }
    auto top = cli.run({"--help"});
    CHECK(top.exitCode == 0);
    for (const char* command : {"version", "migrate", "backup", "restore"})
        CHECK_THAT(top.out, Catch::Contains(command));
}

TEST_CASE("an unknown flag or command exits 2 with a one-line reason", "[cli]") {
    TempDir home;
    Cli cli(home);
    auto flag = cli.run({"migrate", "--frobnicate"});
    CHECK(flag.exitCode == 2);
    CHECK(oneLine(flag.err));
    CHECK_THAT(flag.err, Catch::Contains("--frobnicate"));
    auto command = cli.run({"frobnicate"});
    CHECK(command.exitCode == 2);
    CHECK(oneLine(command.err));
    auto missing = cli.run({"backup"});
    CHECK(missing.exitCode == 2);
    CHECK_THAT(missing.err, Catch::Contains("FILE"));
}

TEST_CASE("a database URL Tiller cannot use exits 1 with a one-line reason", "[cli]") {
    TempDir home;
    Cli cli(home);
    auto r = cli.run({"--db", "mysql://root@127.0.0.1/shop", "migrate"});
    CHECK(r.exitCode == 1);
    CHECK(oneLine(r.err));
    CHECK_THAT(r.err, Catch::Contains("sqlite:<path> or postgresql://"));
}

TEST_CASE("an unreachable server exits 1 without showing the password", "[cli]") {
    TempDir home;
    Cli cli(home);
    auto r = cli.run({"--db", "postgresql://sales:topsecret@127.0.0.1:1/shop", "migrate"});
    CHECK(r.exitCode == 1);
    CHECK(oneLine(r.err));
    CHECK_THAT(r.err, Catch::Contains("cannot connect to postgresql://sales:***@127.0.0.1:1/shop"));
    CHECK_THAT(r.err, !Catch::Contains("topsecret"));
}

TEST_CASE("a malformed tiller.yaml stops the program before it touches any database", "[cli]") {
    TempDir home;
    Cli cli(home);
    std::filesystem::create_directories(home / "config" / "tiller");
    auto file = tiller::test::writeFile(home / "config" / "tiller" / "tiller.yaml",
                                        "language: zh_CN\nlog_levl: debug\n");
    auto r = cli.run({"--db", "sqlite:" + (home / "shop.db").string(), "migrate"});
    CHECK(r.exitCode == 1);
    CHECK(oneLine(r.err));
    CHECK_THAT(r.err, Catch::Contains(file.string() + ":2: key 'log_levl'"));
    CHECK_FALSE(std::filesystem::exists(home / "shop.db"));
}

TEST_CASE("without any setting, the database is created in the user's data folder", "[cli]") {
    TempDir home;
    Cli cli(home);
    auto r = cli.run({"migrate", "--json"});
    REQUIRE(r.exitCode == 0);
    auto expected = home / "data" / "tiller" / "tiller.db";
    CHECK(r.json()["database"] == "sqlite:" + expected.string());
    CHECK(std::filesystem::exists(expected));
    // and the log file is in the state folder
    CHECK(std::filesystem::exists(home / "state" / "tiller" / "tiller.log"));
    CHECK_THAT(tiller::test::readFile(home / "state" / "tiller" / "tiller.log"),
               Catch::Contains("applied migration core/1"));
}

TEST_CASE("TILLER_DB chooses the database and --db overrides it", "[cli]") {
    TempDir home;
    Cli cli(home);
    auto fromEnv = "sqlite:" + (home / "env.db").string();
    auto fromFlag = "sqlite:" + (home / "flag.db").string();
    auto r = cli.run({"migrate", "--json"}, {{"TILLER_DB", fromEnv}});
    CHECK(r.json()["database"] == fromEnv);
    r = cli.run({"--db", fromFlag, "migrate", "--json"}, {{"TILLER_DB", fromEnv}});
    CHECK(r.json()["database"] == fromFlag);
}
