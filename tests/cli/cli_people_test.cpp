// tiller-cli and people: users, sign-in, permissions and data scope, as scripts use them.
#include "cli_runner.hpp"
#include "test_database.hpp"

#include <catch2/catch.hpp>

using namespace tiller;
using tiller::test::Cli;
using tiller::test::TestDatabase;

namespace {

// A database with admin (password set) and the given users, each with password "<login>-password".
struct Office {
    TestDatabase t;
    Cli cli{t.dir()};
    std::string db = t.url().text();

    Office() {
        REQUIRE(cli.run({"--db", db, "user", "passwd", "admin", "--password-stdin"}, {}, "admin-password\n").exitCode == 0);
    }
    test::CliRun as(const std::string& login, std::vector<std::string> args, const std::string& extraInput = {}) const {
        std::vector<std::string> all{"--db", db, "--user", login, "--password-stdin"};
        all.insert(all.end(), args.begin(), args.end());
        return cli.run(all, {}, login + "-password\n" + extraInput);
    }
    void addUser(const std::string& login, const std::string& role, const std::string& department = "") {
        std::vector<std::string> args{"user", "add", login, "--name", login, "--role", role, "--password-stdin"};
        if (!department.empty()) args.insert(args.end(), {"--department", department});
        auto r = as("admin", args, login + "-password\n");
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
    }
};

bool oneLine(const std::string& text) { return !text.empty() && text.find('\n') == text.size() - 1; }

}  // namespace

TEST_CASE("tiller-cli user add, list, passwd, disable and enable", "[cli][people]") {
    Office o;
    o.addUser("wang", "sales");
    auto list = o.as("admin", {"user", "list", "--json"});
    REQUIRE(list.exitCode == 0);
    auto users = list.json()["users"];
    REQUIRE(users.size() == 2);
    CHECK(users[1]["login"] == "wang");
    CHECK(users[1]["roles"] == nlohmann::json::array({"sales"}));
    // A user changes their own password without needing the user-management permission.
    REQUIRE(o.as("wang", {"user", "passwd", "wang", "--password-stdin"}, "new-wang-password\n").exitCode == 0);
    CHECK(o.cli.run({"--db", o.db, "--user", "wang", "--password-stdin", "version"}, {}, "new-wang-password\n").exitCode == 0);
    REQUIRE(o.as("admin", {"user", "disable", "wang"}).exitCode == 0);
    auto refused = o.cli.run({"--db", o.db, "--user", "wang", "hello-find", "x"}, {{"TILLER_PASSWORD", "new-wang-pass"}});
    CHECK(refused.exitCode == 1);
    CHECK_THAT(refused.err, Catch::Contains("is disabled"));
    REQUIRE(o.as("admin", {"user", "enable", "wang"}).exitCode == 0);
}

TEST_CASE("without --user a database with several users refuses to run commands", "[cli][people]") {
    Office o;
    o.addUser("li", "sales");
    auto r = o.cli.run({"--db", o.db, "user", "list"});
    CHECK(r.exitCode == 1);
    CHECK(oneLine(r.err));
    CHECK_THAT(r.err, Catch::Contains("several users") && Catch::Contains("--user LOGIN"));
}

TEST_CASE("a wrong password or a locked account exits 1 with a clear message", "[cli][people][security]") {
    Office o;
    o.addUser("zhao", "sales");
    for (int i = 1; i <= 4; ++i) {
        auto wrong = o.cli.run({"--db", o.db, "--user", "zhao", "--password-stdin", "hello-find", "x"}, {}, "guess-" + std::to_string(i) + "\n");
        CHECK(wrong.exitCode == 1);
        CHECK(oneLine(wrong.err));
        CHECK_THAT(wrong.err, Catch::Contains("the login or the password is wrong"));
    }
    auto locking = o.cli.run({"--db", o.db, "--user", "zhao", "--password-stdin", "hello-find", "x"}, {}, "guess-5\n");
    CHECK_THAT(locking.err, Catch::Contains("is now locked for 15 minute(s)"));
    auto locked = o.as("zhao", {"hello-find", "x"});  // the right password, too late
    CHECK(locked.exitCode == 1);
    CHECK_THAT(locked.err, Catch::Contains("is locked") && Catch::Contains("ask an administrator"));
    // An administrator setting a new password unlocks it.
    REQUIRE(o.as("admin", {"user", "passwd", "zhao", "--password-stdin"}, "zhao-password\n").exitCode == 0);
    CHECK(o.as("zhao", {"hello-find", "x"}).exitCode == 0);
}

TEST_CASE("a user without a permission cannot run the command from tiller-cli", "[cli][people][security]") {
    Office o;
    o.addUser("qian", "warehouse");
    o.addUser("sun", "sales");
    auto users = o.as("sun", {"user", "list"});
    CHECK(users.exitCode == 1);
    CHECK_THAT(users.err, Catch::Contains("not allowed") && Catch::Contains("Manage users, roles and the organisation"));
    auto greet = o.as("qian", {"hello-greet", "张三"});  // warehouse has no hello.greet
    CHECK(greet.exitCode == 1);
    CHECK_THAT(greet.err, Catch::Contains("Greet people"));
    CHECK(o.as("sun", {"hello-greet", "张三"}).exitCode == 0);  // sales got it from the manifest
    auto backup = o.as("sun", {"backup", (o.t.dir() / "b.backup").string()});
    CHECK(backup.exitCode == 1);
    CHECK_FALSE(std::filesystem::exists(o.t.dir() / "b.backup"));
    // The administrator grants it; now it works.
    REQUIRE(o.as("admin", {"role", "grant", "warehouse", "hello.greet"}).exitCode == 0);
    CHECK(o.as("qian", {"hello-greet", "张三"}).exitCode == 0);
}

TEST_CASE("search and export show only the records in the user's data scope", "[cli][people][security]") {
    Office o;
    REQUIRE(o.as("admin", {"department", "add", "Company", "--unit", "--phone", "010-1"}).exitCode == 0);
    REQUIRE(o.as("admin", {"department", "add", "Sales", "--parent", "Company"}).exitCode == 0);
    REQUIRE(o.as("admin", {"department", "add", "Sales East", "--parent", "Sales"}).exitCode == 0);
    REQUIRE(o.as("admin", {"department", "add", "Service", "--parent", "Company"}).exitCode == 0);
    o.addUser("ann", "sales", "Sales");
    o.addUser("ben", "sales", "Sales East");
    o.addUser("cat", "service", "Sales");
    o.addUser("dan", "service", "Service");
    for (const char* who : {"ann", "ben"}) REQUIRE(o.as(who, {"hello-greet", std::string("customer of ") + who}).exitCode == 0);
    REQUIRE(o.as("admin", {"role", "grant", "service", "hello.greet"}).exitCode == 0);
    REQUIRE(o.as("dan", {"hello-greet", "customer of dan"}).exitCode == 0);
    auto names = [&](const std::string& login) {
        auto r = o.as(login, {"hello-find", "customer", "--json"});
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
        std::vector<std::string> out;
        auto document = r.json();  // keep it alive while iterating
        for (const auto& g : document["greetings"]) out.push_back(g["name"]);
        return out;
    };
    CHECK(names("ann") == std::vector<std::string>{"customer of ann"});
    CHECK(names("cat") == std::vector<std::string>{"customer of ann", "customer of ben"});  // department + sub-department
    CHECK(names("dan") == std::vector<std::string>{"customer of dan"});
    CHECK(names("admin").size() == 3);
    REQUIRE(o.as("admin", {"role", "scope", "sales", "hello.greeting", "all"}).exitCode == 0);
    CHECK(names("ann").size() == 3);
}

TEST_CASE("text typed into a search never changes the SQL", "[cli][people][security]") {
    Office o;
    for (const char* name : {"100%_off", "plain", "O'Brien", "a--b;c"}) {
        auto greeted = o.as("admin", {"hello-greet", name});
        REQUIRE(greeted.exitCode == 0);
        CHECK(greeted.out == "Hello, " + std::string(name) + "!\n");
    }
    auto found = [&](const std::string& text) {
        auto r = o.as("admin", {"hello-find", "--json", "--", text});
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
        std::vector<std::string> out;
        auto document = r.json();  // keep it alive while iterating
        for (const auto& g : document["greetings"]) out.push_back(g["name"]);
        return out;
    };
    CHECK(found("").size() == 4);
    CHECK(found("%") == std::vector<std::string>{"100%_off"});
    CHECK(found("_") == std::vector<std::string>{"100%_off"});
    CHECK(found("'") == std::vector<std::string>{"O'Brien"});
    CHECK(found("--") == std::vector<std::string>{"a--b;c"});
    CHECK(found(";") == std::vector<std::string>{"a--b;c"});
    CHECK(found("'; DROP TABLE hello_greeting; --").empty());
    CHECK(found("') OR 1=1 --").empty());
    // An absurdly long search is refused plainly rather than passed to the engine.
    auto huge = o.as("admin", {"hello-find", std::string(100000, 'x')});
    CHECK(huge.exitCode == 1);
    CHECK_THAT(huge.err, Catch::Contains("too long"));
    CHECK(found("").size() == 4);  // the table is intact
}
