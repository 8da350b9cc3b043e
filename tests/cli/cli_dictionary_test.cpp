// tiller-cli dictionary over the hello plugin's "occasion" picklist.
#include "cli_runner.hpp"
#include "test_database.hpp"

#include <catch2/catch.hpp>

using namespace tiller;

TEST_CASE("tiller-cli dictionary lists, adds, renames and removes values", "[cli][dictionary]") {
    test::TestDatabase t;
    test::Cli cli(t.dir());
    std::string db = t.url().text();
    auto kinds = cli.run({"--db", db, "dictionary", "kinds", "--json"});
    REQUIRE(kinds.exitCode == 0);
    const auto kindList = kinds.json();
    bool hasOccasion = false;
    for (const auto& k : kindList["kinds"]) hasOccasion |= k["id"] == "hello.occasion";
    CHECK(hasOccasion);
    auto zh = cli.run({"--db", db, "--lang", "zh_CN", "dictionary", "list", "hello.occasion", "--json"}).json();
    REQUIRE(zh["values"].size() == 3);
    CHECK(zh["values"][0]["name"] == "生日");
    CHECK(zh["values"][0]["system"] == true);
    REQUIRE(cli.run({"--db", db, "dictionary", "add", "hello.occasion", "Opening", "--code", "opening", "--zh", "开业"}).exitCode == 0);
    auto removeSystem = cli.run({"--db", db, "dictionary", "remove", "hello.occasion", "birthday"});
    CHECK(removeSystem.exitCode == 1);
    CHECK_THAT(removeSystem.err, Catch::Contains("system value"));
    REQUIRE(cli.run({"--db", db, "dictionary", "rename", "hello.occasion", "birthday", "Birthday party"}).exitCode == 0);
    REQUIRE(cli.run({"--db", db, "dictionary", "remove", "hello.occasion", "opening"}).exitCode == 0);
    auto en = cli.run({"--db", db, "dictionary", "list", "hello.occasion", "--json"}).json();
    REQUIRE(en["values"].size() == 3);
    CHECK(en["values"][0]["name"] == "Birthday party");
}
