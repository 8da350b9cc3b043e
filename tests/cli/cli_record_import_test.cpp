// tiller-cli record import over the hello plugin's greetings.
#include "cli_runner.hpp"
#include "test_database.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace tiller;

namespace {

std::string fixture(const std::string& name) { return (std::filesystem::path(TILLER_FIXTURES) / "import" / name).string(); }

long long greetings(const test::TestDatabase& t) {
    return t.open()->withSession([](soci::session& s) {
        long long n = 0;
        s << "SELECT COUNT(*) FROM hello_greeting", soci::into(n);
        return n;
    });
}

}  // namespace

TEST_CASE("tiller-cli record import imports a good file and exits 0", "[cli][import]") {
    test::TestDatabase t;
    test::Cli cli(t.dir());
    auto run = cli.run({"--db", t.url().text(), "record", "import", "hello.greeting", fixture("good.csv")});
    INFO(run.err);
    CHECK(run.exitCode == 0);
    CHECK(run.out == "imported 3 of 3 rows into Greeting\n");
    CHECK(greetings(t) == 3);
}

TEST_CASE("tiller-cli record import imports the good rows, lists the rejected ones and exits 1", "[cli][import]") {
    test::TestDatabase t;
    test::Cli cli(t.dir());
    std::string db = t.url().text();
    auto errors = (t.dir() / "errors.csv").string();

    auto dry = cli.run({"--db", db, "record", "import", "hello.greeting", fixture("wrong_types.csv"), "--dry-run", "--json"});
    CHECK(dry.exitCode == 1);
    auto report = dry.json();
    CHECK(report["dry_run"] == true);
    CHECK(report["rows"] == 6);
    CHECK(report["imported"] == 2);
    REQUIRE(report["rejected"].size() == 4);
    CHECK(report["rejected"][0]["line"] == 3);
    CHECK(report["rejected"][0]["problems"][0]["field"] == "amount");
    CHECK(greetings(t) == 0);

    auto run = cli.run({"--db", db, "record", "import", "hello.greeting", fixture("wrong_types.csv"), "--errors", errors});
    CHECK(run.exitCode == 1);
    CHECK_THAT(run.out, Catch::StartsWith("imported 2 of 6 rows into Greeting, 4 rejected\n"));
    CHECK_THAT(run.out, Catch::Contains("line 3: amount: '12abc' is not an amount like 1234.50\n"));
    CHECK_THAT(run.out, Catch::Contains("line 4: vip: 'maybe' is not yes or no\n"));
    CHECK_THAT(run.out, Catch::Contains("line 5: name: is required\n"));
    CHECK_THAT(run.err, Catch::Contains("4 of 6 rows were rejected (see " + errors + ")"));
    CHECK(greetings(t) == 2);
    std::ifstream in(errors);
    std::stringstream content;
    content << in.rdbuf();
    CHECK_THAT(content.str(), Catch::Contains(R"("6","occasion_id: '婚礼' is not one of the values of this list")"));
}

TEST_CASE("tiller-cli record import follows a column map and lists the columns it left out", "[cli][import]") {
    test::TestDatabase t;
    test::Cli cli(t.dir());
    std::string db = t.url().text();
    auto mapped = cli.run({"--db", db, "record", "import", "hello.greeting", fixture("mapped.csv"), "--map", fixture("mapped.yaml")});
    INFO(mapped.err);
    CHECK(mapped.exitCode == 0);
    auto unknown = cli.run({"--db", db, "record", "import", "hello.greeting", fixture("unknown_columns.csv")});
    CHECK(unknown.exitCode == 0);
    CHECK_THAT(unknown.out, Catch::Contains("columns left out (no field by that name; see --map): 'Shoe size' 'ID' 'State'"));
    CHECK(greetings(t) == 2);
}

TEST_CASE("tiller-cli record import refuses a malformed file with its line, a wrong command line with 2", "[cli][import]") {
    test::TestDatabase t;
    test::Cli cli(t.dir());
    std::string db = t.url().text();
    auto malformed = cli.run({"--db", db, "record", "import", "hello.greeting", fixture("unterminated_quote.csv")});
    CHECK(malformed.exitCode == 1);
    CHECK_THAT(malformed.err, Catch::Contains("unterminated_quote.csv, line 3: a quoted value starts here"));
    auto unknownEntity = cli.run({"--db", db, "record", "import", "hello.nothing", fixture("good.csv")});
    CHECK(unknownEntity.exitCode == 1);
    CHECK_THAT(unknownEntity.err, Catch::Contains("there is no kind of record called hello.nothing"));
    CHECK(cli.run({"--db", db, "record", "import", "hello.greeting", "/no/such/file.csv"}).exitCode == 2);
    CHECK(cli.run({"--db", db, "record", "import", "hello.greeting"}).exitCode == 2);
    CHECK(greetings(t) == 0);
}
