// tiller-cli calendar: the working calendar kept in the company database.
#include "cli_runner.hpp"
#include "test_database.hpp"

#include <catch2/catch.hpp>

using namespace tiller;

TEST_CASE("tiller-cli calendar keeps hours, holidays and worked weekend days", "[cli][calendar]") {
    test::TestDatabase t;
    test::Cli cli(t.dir());
    std::string db = t.url().text();
    auto due = [&](const std::string& time, const std::string& hours) {
        auto r = cli.run({"--db", db, "calendar", "add", time, hours, "--json"});
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
        return r.json()["due"].get<std::string>();
    };
    CHECK(due("2026-11-27T17:00", "2") == "2026-11-30T10:00");  // Friday evening to Monday
    REQUIRE(cli.run({"--db", db, "calendar", "holiday", "add", "2026-11-30"}).exitCode == 0);
    CHECK(due("2026-11-27T17:00", "2") == "2026-12-01T10:00");
    REQUIRE(cli.run({"--db", db, "calendar", "workday", "add", "2026-11-28"}).exitCode == 0);  // 调休
    CHECK(due("2026-11-27T17:00", "2") == "2026-11-28T10:00");
    REQUIRE(cli.run({"--db", db, "calendar", "hours", "sat", "10:00-14:00"}).exitCode == 0);
    auto shown = cli.run({"--db", db, "calendar", "show", "--json"}).json();
    CHECK(shown["week"]["sat"] == "10:00-14:00");
    CHECK(shown["holidays"] == nlohmann::json::array({"2026-11-30"}));
    auto bad = cli.run({"--db", db, "calendar", "hours", "mon", "18:00-09:00"});
    CHECK(bad.exitCode == 1);
    CHECK_THAT(bad.err, Catch::Contains("hours: '18:00-09:00' must start before it ends"));
    CHECK(cli.run({"--db", db, "calendar", "holiday", "add", "2026-02-30"}).exitCode == 1);
}
