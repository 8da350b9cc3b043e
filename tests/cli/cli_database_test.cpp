// tiller-cli against a real database, once on SQLite and once on PostgreSQL.
#include "cli_runner.hpp"
#include "test_database.hpp"

#include <tiller/migrations/migrator.hpp>

#include <catch2/catch.hpp>

#include <soci/sqlite3/soci-sqlite3.h>

using namespace tiller;
using tiller::test::Cli;
using tiller::test::TestDatabase;

namespace {
int customerRows(const TestDatabase& t) {
    return t.open({.poolSize = 1})->withSession([](soci::session& s) {
        int n = 0;
        s << "SELECT COUNT(*) FROM cli_customer", soci::into(n);
        return n;
    });
}

void addCustomers(const TestDatabase& t, int count) {
    t.open({.poolSize = 1})->withSession([&](soci::session& s) {
        s << "CREATE TABLE IF NOT EXISTS cli_customer (name TEXT)";
        for (int i = 0; i < count; ++i) s << "INSERT INTO cli_customer VALUES ('客户')";
    });
}
}  // namespace

TEST_CASE("tiller-cli migrate creates the schema, and again changes nothing", "[cli]") {
    TestDatabase t;
    Cli cli(t.dir());
    auto first = cli.run({"--db", t.url().text(), "migrate", "--json"});
    REQUIRE(first.exitCode == 0);
    auto applied = first.json()["applied"];
    REQUIRE(applied.size() >= migrations::coreMigrations().size());
    CHECK(applied[0]["owner"] == "core");
    CHECK(applied[0]["name"] == "create_meta");
    CHECK(applied.back()["owner"] == "hello");  // built-in plugins migrate after core
    auto again = cli.run({"--db", t.url().text(), "migrate", "--json"});
    REQUIRE(again.exitCode == 0);
    auto report = again.json();
    CHECK(report["applied"].empty());
    CHECK(report["already_applied"] == applied.size());
    CHECK(report["database"] == t.url().redacted());
    auto text = cli.run({"--db", t.url().text(), "migrate"});
    CHECK_THAT(text.out, Catch::StartsWith("nothing to do"));
}

TEST_CASE("tiller-cli migrate refuses a database whose applied migration was tampered with",
          "[cli]") {
    TestDatabase t;
    Cli cli(t.dir());
    REQUIRE(cli.run({"--db", t.url().text(), "migrate"}).exitCode == 0);
    t.open()->withSession([](soci::session& s) {
        s << "UPDATE tiller_migrations SET checksum = 'ffff' WHERE owner = 'core' AND number = 1";
    });
    auto r = cli.run({"--db", t.url().text(), "migrate"});
    CHECK(r.exitCode == 1);
    CHECK_THAT(r.err, Catch::Contains("core/1 'create_meta' was changed after it was applied"));
}

TEST_CASE("tiller-cli backup and restore round-trip a database that holds data", "[cli]") {
    TestDatabase t;
    Cli cli(t.dir());
    REQUIRE(cli.run({"--db", t.url().text(), "migrate"}).exitCode == 0);
    addCustomers(t, 3);
    auto file = t.dir() / "shop.backup";
    auto made = cli.run({"--db", t.url().text(), "backup", file.string(), "--json"});
    REQUIRE(made.exitCode == 0);
    CHECK(made.json()["bytes"] > 0);
    addCustomers(t, 2);
    REQUIRE(customerRows(t) == 5);

    auto restored = cli.run({"--db", t.url().text(), "restore", file.string()});
    REQUIRE(restored.exitCode == 0);
    CHECK_THAT(restored.out, Catch::Contains("restored"));
    CHECK(customerRows(t) == 3);
}

TEST_CASE("tiller-cli restore refuses a corrupt backup and keeps the data", "[cli]") {
    TestDatabase t;
    Cli cli(t.dir());
    REQUIRE(cli.run({"--db", t.url().text(), "migrate"}).exitCode == 0);
    addCustomers(t, 4);
    auto bogus = test::writeFile(t.dir() / "bogus.backup", "this is not a backup\n");
    auto r = cli.run({"--db", t.url().text(), "restore", bogus.string()});
    CHECK(r.exitCode == 1);
    CHECK_THAT(r.err, Catch::Contains("is not a Tiller backup"));
    CHECK(r.err.find('\n') == r.err.size() - 1);
    CHECK(customerRows(t) == 4);
}

TEST_CASE("a read-only SQLite file is refused with a clear message and left unchanged",
          "[cli][sqlite-only]") {
    TestDatabase t;
    Cli cli(t.dir());
    REQUIRE(cli.run({"--db", t.url().text(), "migrate"}).exitCode == 0);
    auto before = test::readFile(t.url().path());
    std::filesystem::permissions(t.url().path(), std::filesystem::perms(0444));
    auto r = cli.runWithoutPrivileges({"--db", t.url().text(), "migrate"});
    CHECK(r.exitCode == 1);
    CHECK_THAT(r.err, Catch::Contains("is read-only"));
    CHECK_THAT(r.err, Catch::Contains(t.url().path().string()));
    CHECK(test::readFile(t.url().path()) == before);
}

TEST_CASE("a SQLite file locked by another program is reported, not waited on forever",
          "[cli][sqlite-only]") {
    TestDatabase t;
    Cli cli(t.dir());
    soci::session other(soci::sqlite3, "db=\"" + t.url().path().string() + "\"");
    other << "PRAGMA journal_mode = WAL";
    other << "CREATE TABLE holder (x INTEGER)";
    other << "BEGIN EXCLUSIVE";
    other << "INSERT INTO holder VALUES (1)";
    auto r = cli.run({"--db", t.url().text(), "migrate"});
    CHECK(r.exitCode == 1);
    CHECK_THAT(r.err, Catch::Contains("is locked by another program"));
    other << "ROLLBACK";
    CHECK(cli.run({"--db", t.url().text(), "migrate"}).exitCode == 0);
}
