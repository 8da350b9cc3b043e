// An approval flow a plugin ships (hello's greeting review), worked through tiller-cli.
#include "cli_runner.hpp"
#include "test_database.hpp"

#include <catch2/catch.hpp>

using namespace tiller;

TEST_CASE("a greeting goes through review: department head, then administrator", "[cli][approval]") {
    test::TestDatabase t;
    test::Cli cli(t.dir());
    std::string db = t.url().text();
    auto as = [&](const std::string& login, std::vector<std::string> args, const std::string& input = {}) {
        std::vector<std::string> all{"--db", db, "--user", login, "--password-stdin"};
        all.insert(all.end(), args.begin(), args.end());
        return cli.run(all, {}, login + "-password\n" + input);
    };
    REQUIRE(cli.run({"--db", db, "user", "passwd", "admin", "--password-stdin"}, {}, "admin-password\n").exitCode == 0);
    REQUIRE(as("admin", {"department", "add", "Company", "--unit", "--phone", "1"}).exitCode == 0);
    REQUIRE(as("admin", {"department", "add", "Sales", "--parent", "Company"}).exitCode == 0);
    REQUIRE(as("admin", {"user", "add", "mei", "--name", "梅", "--role", "sales", "--department", "Sales", "--password-stdin"}, "mei-password\n").exitCode == 0);
    REQUIRE(as("admin", {"user", "add", "boss", "--name", "老板", "--role", "sales", "--department", "Sales", "--password-stdin"}, "boss-password\n").exitCode == 0);
    // The department head is the Manager of the department (position 2 is the system "Manager").
    t.open()->withSession([](soci::session& s) { s << "UPDATE core_user SET position_id = 2 WHERE login = 'boss'"; });

    auto greeted = as("mei", {"hello-greet", "张三", "--json"});
    REQUIRE(greeted.exitCode == 0);
    std::string greeting = std::to_string(greeted.json()["id"].get<long long>());
    auto submitted = as("mei", {"hello-submit", greeting});
    INFO(submitted.err);
    REQUIRE(submitted.exitCode == 0);
    std::string approval = submitted.out.substr(0, submitted.out.find('\n'));

    CHECK(as("mei", {"approvals", "inbox", "--json"}).json()["waiting"].empty());
    auto refused = as("mei", {"approvals", "approve", approval});
    CHECK(refused.exitCode == 1);
    CHECK_THAT(refused.err, Catch::Contains("not the approver of 'Department head'"));
    auto bossInbox = as("boss", {"approvals", "inbox", "--json"}).json()["waiting"];
    REQUIRE(bossInbox.size() == 1);
    CHECK(bossInbox[0]["step"] == "Department head");
    REQUIRE(as("boss", {"approvals", "approve", approval, "--comment", "可以"}).exitCode == 0);
    REQUIRE(as("admin", {"approvals", "approve", approval}).exitCode == 0);
    auto history = as("mei", {"approvals", "history", "hello.greeting", greeting, "--json"}).json()["history"];
    REQUIRE(history.size() == 3);
    CHECK(history[1]["by"] == "老板");
    CHECK(history[1]["comment"] == "可以");
    CHECK(history[2]["step"] == "Administrator");
}
