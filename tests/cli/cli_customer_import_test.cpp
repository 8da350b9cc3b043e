// tiller-cli import customers / export customers (issue 7 item 8) with the real program, the
// contacts plugin loaded from the build, on SQLite and PostgreSQL.
#include "cli_runner.hpp"
#include "test_database.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace tiller;

namespace {

std::string fixture(const std::string& name) { return (std::filesystem::path(TILLER_FIXTURES) / "contacts" / name).string(); }

long long count(const test::TestDatabase& t, const std::string& sql) {
    return t.open()->withSession([&](soci::session& s) {
        long long n = 0;
        s << sql, soci::into(n);
        return n;
    });
}

}  // namespace

TEST_CASE("tiller-cli import customers imports a file into a category and exits 0", "[cli][import][contacts]") {
    test::TestDatabase t;
    test::Cli cli(t.dir());
    std::string db = t.url().text();
    auto run = cli.run({"--db", db, "import", "customers", fixture("customers.csv"), "--category", "重点客户"});
    INFO(run.err);
    CHECK(run.exitCode == 0);
    CHECK_THAT(run.out, Catch::StartsWith("imported 3 of 3 rows as customers (3 contacts, 3 addresses)\n"));
    CHECK_THAT(run.out, Catch::Contains("columns left out (nothing by that name; map them with --map): '微信号'"));
    CHECK(count(t, "SELECT COUNT(*) FROM contacts_customer") == 3);
    CHECK(count(t, "SELECT COUNT(*) FROM contacts_phone WHERE owner_kind = 'customer'") == 5);

    auto zh = cli.run({"--db", db, "--lang", "zh_CN", "import", "customers", fixture("outlook.csv"), "--category", "normal", "--dry-run"});
    INFO(zh.err);
    CHECK(zh.exitCode == 0);
    CHECK_THAT(zh.out, Catch::StartsWith("试运行"));
    CHECK(count(t, "SELECT COUNT(*) FROM contacts_customer") == 3);
}

TEST_CASE("tiller-cli import customers reports rejected rows with their lines, writes the error file and exits 1",
          "[cli][import][contacts]") {
    test::TestDatabase t;
    test::Cli cli(t.dir());
    std::string db = t.url().text();
    auto errors = (t.dir() / "errors.csv").string();
    auto run = cli.run({"--db", db, "import", "customers", fixture("duplicate_rows.csv"), "--category", "normal", "--errors",
                        errors, "--json"});
    CHECK(run.exitCode == 1);
    auto report = run.json();
    CHECK(report["rows"] == 5);
    CHECK(report["imported"] == 2);
    CHECK(report["duplicates"] == 3);
    REQUIRE(report["rejected"].size() == 3);
    CHECK(report["rejected"][0]["line"] == 4);
    CHECK(report["rejected"][0]["duplicate"] == true);
    CHECK_THAT(run.err, Catch::Contains("3 of 5 rows were rejected"));
    CHECK(std::filesystem::exists(errors));

    auto map = cli.run({"--db", db, "import", "customers", fixture("mapped.csv"), "--category", "normal", "--map",
                        fixture("map_unknown_target.yaml")});
    CHECK(map.exitCode == 1);
    CHECK_THAT(map.err, Catch::Contains("map_unknown_target.yaml:2: key '手机号码'"));
}

TEST_CASE("tiller-cli import customers refuses a broken file naming it, and changes nothing", "[cli][import][contacts]") {
    test::TestDatabase t;
    test::Cli cli(t.dir());
    std::string db = t.url().text();
    auto quotes = cli.run({"--db", db, "import", "customers", fixture("unbalanced_quotes.csv"), "--category", "normal"});
    CHECK(quotes.exitCode == 1);
    CHECK_THAT(quotes.err, Catch::Contains("unbalanced_quotes.csv, line 3: a quoted value starts here"));
    auto zip = cli.run({"--db", db, "import", "customers", fixture("not_a_zip.xlsx"), "--category", "normal"});
    CHECK(zip.exitCode == 1);
    CHECK_THAT(zip.err, Catch::Contains("not_a_zip.xlsx: this is not an Excel .xlsx workbook"));
    auto format = cli.run({"--db", db, "import", "customers", fixture("customers.csv"), "--format", "pdf"});
    CHECK(format.exitCode == 1);
    CHECK_THAT(format.err, Catch::Contains("'pdf' is not a format"));
    CHECK(count(t, "SELECT COUNT(*) FROM contacts_customer") == 0);
}

TEST_CASE("tiller-cli export customers writes the query's customers, and they import back", "[cli][export][contacts]") {
    test::TestDatabase t;
    test::Cli cli(t.dir());
    std::string db = t.url().text();
    REQUIRE(cli.run({"--db", db, "import", "customers", fixture("customers.csv"), "--category", "normal"}).exitCode == 0);
    auto all = (t.dir() / "all.xlsx").string();
    auto run = cli.run({"--db", db, "export", "customers", "-o", all});
    INFO(run.err);
    CHECK(run.exitCode == 0);
    CHECK(run.out == "exported 3 customers to " + all + "\n");
    auto some = (t.dir() / "some.vcf").string();
    auto query = cli.run({"--db", db, "export", "customers", "--query", "明月", "--format", "vcf", "--output", some, "--json"});
    CHECK(query.exitCode == 0);
    CHECK(query.json()["customers"] == 1);

    test::TestDatabase other;
    auto back = cli.run({"--db", other.url().text(), "import", "customers", all});
    INFO(back.err);
    CHECK(back.exitCode == 0);
    CHECK(count(other, "SELECT COUNT(*) FROM contacts_customer") == 3);
}

TEST_CASE("tiller-cli import and export customers need their permissions", "[cli][import][contacts]") {
    test::TestDatabase t;
    test::Cli cli(t.dir());
    std::string db = t.url().text();
    auto help = cli.run({"--db", db, "import", "--help"});
    CHECK(help.exitCode == 0);
    CHECK_THAT(help.out, Catch::Contains("customers"));
    // A second person who is a salesperson: may export, may not import.
    REQUIRE(cli.run({"--db", db, "user", "passwd", "admin", "--password-stdin"}, {}, "admin-password\n").exitCode == 0);
    auto added = cli.run({"--db", db, "--user", "admin", "--password-stdin", "user", "add", "li", "--name", "Li", "--role", "sales",
                          "--password-stdin"},
                         {}, "admin-password\nli-password\n");
    INFO(added.err);
    REQUIRE(added.exitCode == 0);
    auto denied = cli.run({"--db", db, "--user", "li", "import", "customers", fixture("customers.csv"), "--category", "normal"},
                          {{"TILLER_PASSWORD", "li-password"}});
    CHECK(denied.exitCode == 1);
    CHECK_THAT(denied.err, Catch::Contains("Import customers"));
    auto allowed = cli.run({"--db", db, "--user", "li", "export", "customers", "-o", (t.dir() / "x.csv").string()},
                           {{"TILLER_PASSWORD", "li-password"}});
    INFO(allowed.err);
    CHECK(allowed.exitCode == 0);
}
