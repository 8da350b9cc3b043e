// tiller-cli customers duplicates / customers merge (SPEC §2.10) over customers imported with
// tiller-cli record import, on SQLite and PostgreSQL.
#include "cli_runner.hpp"
#include "test_database.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace tiller;

namespace {

long long customers(const test::TestDatabase& t) {
    return t.open()->withSession([](soci::session& s) {
        long long n = 0;
        s << "SELECT COUNT(*) FROM contacts_customer", soci::into(n);
        return n;
    });
}

}  // namespace

TEST_CASE("tiller-cli lists duplicate customers and merges one into another", "[cli][contacts]") {
    test::TestDatabase t;
    test::Cli cli(t.dir());
    std::string db = t.url().text();
    auto csv = t.dir() / "customers.csv";
    std::ofstream(csv) << "name,category_id,mobile,email\n"
                          "北京华信科技有限公司,normal,13800138000,info@huaxin.cn\n"
                          "北京 华信科技,normal,13900139000,sales@huaxin.cn\n"
                          "恒大地产,key,020-12345678,\n";
    auto imported = cli.run({"--db", db, "record", "import", "contacts.customer", csv.string()});
    INFO(imported.err);
    REQUIRE(imported.exitCode == 0);

    auto found = cli.run({"--db", db, "customers", "duplicates", "--json"});
    INFO(found.err);
    REQUIRE(found.exitCode == 0);
    auto groups = found.json()["groups"];
    REQUIRE(groups.size() == 1);
    CHECK(groups[0]["reason"] == "name");
    CHECK(groups[0]["value"] == "北京华信科技");
    CHECK(groups[0]["customers"][0]["id"] == 1);
    CHECK(groups[0]["customers"][1]["id"] == 2);

    auto wrong = cli.run({"--db", db, "customers", "merge", "1", "1"});
    CHECK(wrong.exitCode == 1);
    CHECK_THAT(wrong.err, Catch::Contains("cannot be merged into itself"));
    auto badField = cli.run({"--db", db, "customers", "merge", "1", "2", "--take", "status"});
    CHECK(badField.exitCode == 1);
    CHECK_THAT(badField.err, Catch::Contains("status"));

    auto merged = cli.run({"--db", db, "customers", "merge", "1", "2", "--take", "mobile", "--take", "email=other", "--json"});
    INFO(merged.err);
    REQUIRE(merged.exitCode == 0);
    auto report = merged.json();
    CHECK(report["kept"] == 1);
    CHECK(report["merged"] == 2);
    CHECK(customers(t) == 2);
    auto mobile = t.open()->withSession([](soci::session& s) {
        std::string m, e;
        s << "SELECT mobile, email FROM contacts_customer WHERE id = 1", soci::into(m), soci::into(e);
        return m + " " + e;
    });
    CHECK(mobile == "13900139000 sales@huaxin.cn");

    auto after = cli.run({"--db", db, "customers", "duplicates"});
    CHECK(after.exitCode == 0);
    CHECK(after.out == "No duplicates found.\n");
    auto gone = cli.run({"--db", db, "customers", "merge", "1", "2"});
    CHECK(gone.exitCode == 1);
}
