#include <tiller/migrations/migration.hpp>
#include <tiller/migrations/migrator.hpp>

#include <catch2/catch.hpp>

using tiller::migrations::Migration;

TEST_CASE("a migration's checksum ignores Windows line endings but nothing else", "[migration]") {
    Migration unix{"core", 1, "x", "CREATE TABLE a (b TEXT);\nSELECT 1;\n"};
    Migration windows{"core", 1, "x", "CREATE TABLE a (b TEXT);\r\nSELECT 1;\r\n"};
    Migration changed{"core", 1, "x", "CREATE TABLE a (b TEXT );\nSELECT 1;\n"};
    CHECK(unix.checksum() == windows.checksum());
    CHECK(unix.checksum() != changed.checksum());
    CHECK(unix.checksum().size() == 64);
}

TEST_CASE("core ships its migrations numbered from 1 with the SQL files' text", "[migration]") {
    auto core = tiller::migrations::coreMigrations();
    REQUIRE(!core.empty());
    CHECK(core.front().owner == "core");
    CHECK(core.front().number == 1);
    CHECK(core.front().name == "create_meta");
    CHECK_THAT(core.front().sql, Catch::Contains("CREATE TABLE core_meta"));
}
