// tiller-cli customers claim | assign | release | recall | recall-days and leads convert (SPEC
// §2.7, §2.8) over demo data, on SQLite and PostgreSQL.
#include "cli_runner.hpp"
#include "test_database.hpp"

#include <catch2/catch.hpp>

using namespace tiller;

namespace {

bool pooled(const test::TestDatabase& t, long long id) {
    return t.open()->withSession([&](soci::session& s) {
        long long n = 0;
        s << "SELECT COUNT(*) FROM contacts_customer WHERE id = :id AND owner_id IS NULL", soci::use(id), soci::into(n);
        return n == 1;
    });
}

}  // namespace

TEST_CASE("tiller-cli gives customers back to the pool, claims and assigns them, and converts leads", "[cli][contacts][pool]") {
    test::TestDatabase t;
    test::Cli cli(t.dir());
    std::string db = t.url().text();
    REQUIRE(cli.run({"--db", db, "demo", "--customers", "100"}).exitCode == 0);
    REQUIRE(pooled(t, 20));  // one demo customer in twenty starts in the pool
    REQUIRE_FALSE(pooled(t, 1));

    auto released = cli.run({"--db", db, "customers", "release", "1", "20", "--json"});
    CHECK(released.exitCode == 1);  // 20 was in the pool already
    CHECK(released.json()["done"] == 1);
    CHECK_THAT(released.json()["refused"][0]["reason"].get<std::string>(), Catch::Contains("in the pool already"));
    CHECK(pooled(t, 1));

    auto claimed = cli.run({"--db", db, "customers", "claim", "1", "20"});
    INFO(claimed.err);
    CHECK(claimed.exitCode == 0);
    CHECK_THAT(claimed.out, Catch::Contains("2 claimed, 0 refused"));
    CHECK_FALSE(pooled(t, 20));

    auto nobody = cli.run({"--db", db, "customers", "assign", "1", "--to", "nobody"});
    CHECK(nobody.exitCode == 1);
    CHECK_THAT(nobody.err, Catch::Contains("no active user 'nobody'"));
    auto bad = cli.run({"--db", db, "customers", "claim", "x1"});
    CHECK(bad.exitCode == 1);
    CHECK_THAT(bad.err, Catch::Contains("'x1' is not a record id"));

    auto days = cli.run({"--db", db, "customers", "recall-days", "45", "--json"});
    CHECK(days.json()["days"] == 45);
    auto dry = cli.run({"--db", db, "customers", "recall", "--dry-run", "--json"});
    INFO(dry.err);
    REQUIRE(dry.exitCode == 0);
    CHECK(dry.json()["days"] == 45);
    CHECK(dry.json()["recalled"].empty());  // everything is brand new

    auto converted = cli.run({"--db", db, "leads", "convert", "1", "--category", "normal", "--json"});
    INFO(converted.err);
    CHECK(converted.exitCode == 0);
    CHECK(converted.json()["done"] == 1);
    auto again = cli.run({"--db", db, "leads", "convert", "1", "--category", "normal"});
    CHECK(again.exitCode == 1);
    CHECK_THAT(again.out, Catch::Contains("converted already"));
}
