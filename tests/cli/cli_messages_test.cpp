// The message box, reminders and announcements through tiller-cli (SPEC §1.6).
#include "cli_runner.hpp"
#include "test_database.hpp"

#include <catch2/catch.hpp>

using namespace tiller;

TEST_CASE("tiller-cli messages fires a reminder that fell due while nothing ran, once", "[cli][messages]") {
    test::TestDatabase t;
    test::Cli cli(t.dir());
    std::string db = t.url().text();
    auto run = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", db});
        return cli.run(args);
    };
    auto set = run({"remind", "hello.greeting", "7", "--at", "2020-01-01 09:00", "--note", "给张三回电话", "--json"});
    INFO(set.err);
    REQUIRE(set.exitCode == 0);
    long long reminder = set.json()["id"];
    auto pending = run({"reminders", "--json"}).json()["reminders"];
    REQUIRE(pending.size() == 1);
    CHECK(pending[0]["id"] == reminder);
    CHECK(pending[0]["due"] == "2020-01-01 09:00");
    CHECK(pending[0]["fired"] == false);

    auto first = run({"messages", "--json"});
    REQUIRE(first.exitCode == 0);
    auto box = first.json();
    CHECK(box["fired"].size() == 1);
    REQUIRE(box["messages"].size() == 1);
    CHECK(box["messages"][0]["kind"] == "reminder");
    CHECK(box["messages"][0]["title"] == "给张三回电话");
    CHECK(box["messages"][0]["entity"] == "hello.greeting");
    CHECK(box["messages"][0]["record"] == 7);
    CHECK(box["messages"][0]["unread"] == true);
    CHECK(box["unread"] == 1);
    auto again = run({"messages", "--json"}).json();
    CHECK(again["fired"].empty());
    CHECK(again["messages"].size() == 1);
    CHECK(run({"reminders", "--json"}).json()["reminders"].empty());
    CHECK(run({"reminders", "--fired", "--json"}).json()["reminders"][0]["fired"] == true);

    REQUIRE(run({"announce", "--title", "国庆放假", "--body", "10月1日至7日休息"}).exitCode == 0);
    auto unread = run({"messages", "--unread", "--json"}).json();
    CHECK(unread["announcements"].size() == 1);
    CHECK(unread["announcements"][0]["title"] == "国庆放假");
    CHECK(unread["unread"] == 2);
    auto text = run({"messages"});
    CHECK_THAT(text.out, Catch::Contains("announcement\tunread") && Catch::Contains("reminder\tunread"));
    auto read = run({"messages", "read", "--all", "--json"});
    REQUIRE(read.exitCode == 0);
    CHECK(read.json()["marked"] == 2);
    CHECK(run({"messages", "--unread"}).out == "your message box is empty\n");
    CHECK(run({"messages", "--json"}).json()["messages"][0]["unread"] == false);
}

TEST_CASE("tiller-cli remind and announce refuse bad input with a clear message", "[cli][messages]") {
    test::TestDatabase t;
    test::Cli cli(t.dir());
    std::string db = t.url().text();
    auto run = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", db});
        return cli.run(args);
    };
    auto badTime = run({"remind", "hello.greeting", "7", "--at", "tomorrow", "--note", "x"});
    CHECK(badTime.exitCode == 2);
    CHECK_THAT(badTime.err, Catch::Contains("'tomorrow' is not a time"));
    auto noNote = run({"remind", "hello.greeting", "7", "--at", "2030-01-01 09:00", "--note", " "});
    CHECK(noNote.exitCode == 1);
    CHECK_THAT(noNote.err, Catch::Contains("a reminder needs a note"));
    auto nobody = run({"remind", "hello.greeting", "7", "--at", "2030-01-01 09:00", "--note", "x", "--for", "nobody"});
    CHECK(nobody.exitCode == 1);
    CHECK_THAT(nobody.err, Catch::Contains("there is no user 'nobody'"));
    CHECK(run({"remind", "hello.greeting", "7", "--note", "x"}).exitCode == 2);  // no --at
    CHECK(run({"reminders", "--json"}).json()["reminders"].empty());

    auto backwards = run({"announce", "--title", "T", "--from", "2030-01-02 00:00", "--until", "2030-01-01 00:00"});
    CHECK(backwards.exitCode == 1);
    CHECK_THAT(backwards.err, Catch::Contains("must come after its start"));
    CHECK(run({"announce", "--title", "T", "--role", "sales", "--department", "1"}).exitCode == 2);
    auto unknownDepartment = run({"announce", "--title", "T", "--department", "Nowhere"});
    CHECK(unknownDepartment.exitCode == 1);
    CHECK_THAT(unknownDepartment.err, Catch::Contains("there is no department 'Nowhere'"));
    CHECK(run({"messages", "read"}).exitCode == 2);  // neither an id nor --all
    auto notMine = run({"messages", "read", "99"});
    CHECK(notMine.exitCode == 1);
    CHECK_THAT(notMine.err, Catch::Contains("you have no message 99"));
    CHECK(run({"messages", "--json"}).json()["announcements"].empty());
}

TEST_CASE("tiller-cli announce needs the permission, and remind --for reaches a colleague", "[cli][messages]") {
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
    REQUIRE(as("admin", {"user", "add", "mei", "--name", "梅", "--role", "sales", "--department", "Sales", "--password-stdin"},
               "mei-password\n").exitCode == 0);

    auto refused = as("mei", {"announce", "--title", "我也想发公告"});
    CHECK(refused.exitCode == 1);
    CHECK_THAT(refused.err, Catch::Contains("not allowed") && Catch::Contains("Publish announcements"));
    REQUIRE(as("admin", {"announce", "--title", "销售例会", "--department", "Sales"}).exitCode == 0);
    REQUIRE(as("admin", {"announce", "--title", "仓库盘点", "--role", "warehouse"}).exitCode == 0);
    auto set = as("admin", {"remind", "hello.greeting", "3", "--at", "2020-05-01 10:00", "--for", "mei", "--note", "跟进报价"});
    INFO(set.err);
    REQUIRE(set.exitCode == 0);

    auto meis = as("mei", {"messages", "--json"}).json();
    REQUIRE(meis["announcements"].size() == 1);  // the department's, not the warehouse's
    CHECK(meis["announcements"][0]["title"] == "销售例会");
    CHECK(meis["announcements"][0]["by"] == "Administrator");
    REQUIRE(meis["messages"].size() == 1);
    CHECK(meis["messages"][0]["title"] == "跟进报价");
    auto admins = as("admin", {"messages", "--json"}).json();
    CHECK(admins["messages"].empty());
    CHECK(admins["announcements"].empty());
}
