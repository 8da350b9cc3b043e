// The customer-value commands of the contacts plugin through the real tiller-cli: a status
// upgrade approved in a second tiller-cli process (the plugin's ApprovalFinished subscription
// applies it there), and value assessment with the weights rule.
#include "cli_runner.hpp"
#include "test_database.hpp"

#include <catch2/catch.hpp>

using namespace tiller;

TEST_CASE("tiller-cli customers upgrade waits for approval, and approvals approve applies it", "[cli][contacts]") {
    test::TestDatabase t;
    test::Cli cli(t.dir());
    std::string db = t.url().text();
    auto run = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", db});
        return cli.run(args);
    };
    REQUIRE(run({"demo", "--customers", "3"}).exitCode == 0);
    t.open()->withSession([](soci::session& s) { s << "UPDATE contacts_customer SET status = 'basic', frozen = 0"; });

    auto jumped = run({"customers", "upgrade", "1", "--to", "typical"});
    CHECK(jumped.exitCode == 1);
    CHECK_THAT(jumped.err, Catch::Contains("one status at a time: after basic comes potential"));

    auto asked = run({"customers", "upgrade", "1", "--to", "potential", "--json"});
    INFO(asked.err);
    REQUIRE(asked.exitCode == 0);
    CHECK(asked.json()["state"] == "pending");
    std::string approval = std::to_string(asked.json()["approval"].get<long long>());
    auto inbox = run({"approvals", "inbox", "--json"}).json()["waiting"];
    REQUIRE(inbox.size() == 1);
    CHECK(inbox[0]["step"] == "Manager approval");

    REQUIRE(run({"approvals", "approve", approval, "--comment", "同意"}).exitCode == 0);
    auto requests = run({"customers", "upgrades", "1", "--json"}).json()["requests"];
    REQUIRE(requests.size() == 1);
    CHECK(requests[0]["state"] == "applied");
    t.open()->withSession([](soci::session& s) {
        std::string status;
        s << "SELECT status FROM contacts_customer WHERE id = 1", soci::into(status);
        CHECK(status == "potential");
    });
}

TEST_CASE("tiller-cli assessment items refuse weights over 100 and score a customer", "[cli][contacts]") {
    test::TestDatabase t;
    test::Cli cli(t.dir());
    std::string db = t.url().text();
    auto run = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", db});
        return cli.run(args);
    };
    REQUIRE(run({"demo", "--customers", "2"}).exitCode == 0);
    auto tooMuch = run({"customers", "assessment-items", "--item", "年采购额=60", "--item", "信誉=50"});
    CHECK(tooMuch.exitCode == 1);
    CHECK_THAT(tooMuch.err, Catch::Contains("the weights add up to 110, more than 100"));

    auto saved = run({"customers", "assessment-items", "--item", "年采购额=60:100 = 100万以上", "--item", "信誉=20", "--json"});
    INFO(saved.err);
    REQUIRE(saved.exitCode == 0);
    CHECK(saved.json()["total_weight"] == 80);
    CHECK_THAT(saved.err, Catch::Contains("less than 100"));  // saved, with the warning
    CHECK(saved.json()["items"][0]["standard"] == "100 = 100万以上");

    auto scored = run({"customers", "assess", "2", "年采购额=50", "信誉=100", "--json"});
    INFO(scored.err);
    REQUIRE(scored.exitCode == 0);
    CHECK(scored.json()["value"].get<double>() == Approx(0.6 * 50 + 0.2 * 100));
    CHECK(run({"customers", "assess", "2", "信誉=101"}).exitCode == 1);
}
