// The administrator edits an approval flow through tiller-cli: list, show as YAML, set from a
// file (each malformed file refused with its file, line and key), reset.
#include "cli_runner.hpp"
#include "test_database.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace tiller;

namespace {
std::string fixture(const std::string& name) {
    return (std::filesystem::path(TILLER_FIXTURES) / "flows" / "set" / name).string();
}

struct Office {
    test::TestDatabase t;
    test::Cli cli{t.dir()};
    std::string db = t.url().text();

    Office() {
        REQUIRE(cli.run({"--db", db, "user", "passwd", "admin", "--password-stdin"}, {}, "admin-password\n").exitCode == 0);
        REQUIRE(as("admin", {"department", "add", "Company", "--unit", "--phone", "1"}).exitCode == 0);
        REQUIRE(as("admin", {"department", "add", "Sales", "--parent", "Company"}).exitCode == 0);
        REQUIRE(as("admin", {"user", "add", "mei", "--name", "梅", "--role", "sales", "--department", "Sales", "--password-stdin"}, "mei-password\n").exitCode == 0);
        REQUIRE(as("admin", {"user", "add", "boss", "--name", "老板", "--role", "sales", "--department", "Sales", "--password-stdin"}, "boss-password\n").exitCode == 0);
        t.open()->withSession([](soci::session& s) { s << "UPDATE core_user SET position_id = 2 WHERE login = 'boss'"; });
    }
    test::CliRun as(const std::string& login, std::vector<std::string> args, const std::string& input = {}) const {
        std::vector<std::string> all{"--db", db, "--user", login, "--password-stdin"};
        all.insert(all.end(), args.begin(), args.end());
        return cli.run(all, {}, login + "-password\n" + input);
    }
    nlohmann::json flow(const std::string& id) const {
        // Kept in a variable: a range-for over a member of a temporary would dangle.
        const nlohmann::json all = as("admin", {"approvals", "flows", "--json"}).json();
        for (const auto& f : all["flows"])
            if (f["id"] == id) return f;
        return {};
    }
};
}  // namespace

TEST_CASE("the administrator shows, sets and resets an approval flow with tiller-cli", "[cli][approval][flow]") {
    Office o;
    auto before = o.flow("hello.greeting_review");
    CHECK(before["customised"] == false);
    CHECK(before["plugin"] == "hello");
    CHECK(before["steps"] == 2);
    CHECK(before["problem"] == "");

    auto shown = o.as("admin", {"approvals", "flow", "show", "hello.greeting_review"});
    REQUIRE(shown.exitCode == 0);
    CHECK_THAT(shown.out, Catch::StartsWith("id: hello.greeting_review\nentity: hello.greeting\n"));
    CHECK_THAT(shown.out, Catch::Contains("approver: {department_head: true}"));
    CHECK_THAT(shown.out, Catch::Contains("on_reject: return"));

    // what 'show' prints is accepted back unchanged
    auto copy = o.t.dir().path() / "shown.yaml";
    std::ofstream(copy) << shown.out;
    auto same = o.as("admin", {"approvals", "flow", "set", "hello.greeting_review", copy.string()});
    INFO(same.err);
    REQUIRE(same.exitCode == 0);
    CHECK(o.flow("hello.greeting_review")["customised"] == true);

    auto set = o.as("admin", {"approvals", "flow", "set", "hello.greeting_review", fixture("edited.yaml")});
    INFO(set.err);
    REQUIRE(set.exitCode == 0);
    auto now = o.as("mei", {"approvals", "flow", "show", "hello.greeting_review", "--json"}).json();
    CHECK(now["customised"] == true);
    CHECK_THAT(now["yaml"].get<std::string>(), Catch::Contains("when: length > 20") && Catch::Contains("on_reject: abnormal"));

    // a greeting now needs only the department head: the administrator's step is skipped
    auto greeted = o.as("mei", {"hello-greet", "张三", "--json"});
    REQUIRE(greeted.exitCode == 0);
    std::string greeting = std::to_string(greeted.json()["id"].get<long long>());
    auto submitted = o.as("mei", {"hello-submit", greeting});
    REQUIRE(submitted.exitCode == 0);
    std::string approval = submitted.out.substr(0, submitted.out.find('\n'));
    REQUIRE(o.as("boss", {"approvals", "approve", approval}).exitCode == 0);
    CHECK(o.as("admin", {"approvals", "inbox", "--json"}).json()["waiting"].empty());
    CHECK(o.as("mei", {"approvals", "history", "hello.greeting", greeting, "--json"}).json()["history"].size() == 2);

    auto refused = o.as("mei", {"approvals", "flow", "reset", "hello.greeting_review"});
    CHECK(refused.exitCode == 1);
    CHECK_THAT(refused.err, Catch::Contains("Edit approval flows"));

    REQUIRE(o.as("admin", {"approvals", "flow", "reset", "hello.greeting_review"}).exitCode == 0);
    CHECK(o.flow("hello.greeting_review")["customised"] == false);
    CHECK_THAT(o.as("admin", {"approvals", "flow", "show", "hello.greeting_review"}).out, Catch::Contains("on_reject: return"));
}

TEST_CASE("each malformed approval flow file is refused naming the file, line and key", "[cli][approval][flow]") {
    Office o;
    struct Case {
        const char* file;
        const char* says;
    };
    for (const auto& c : {Case{"unknown_role.yaml", ":7: key 'approver': step 2 'General manager': there is no role 'general_manager'"},
                          Case{"unknown_user.yaml", ":5: key 'approver': step 1 'Cashier': there is no user 'wang'"},
                          Case{"changed_entity.yaml", ":2: key 'entity': the flow approves 'hello.greeting' records; that cannot change"},
                          Case{"other_id.yaml", ":1: key 'id': is 'hello.letter_review'; the id of the flow 'hello.greeting_review' cannot change"},
                          Case{"no_steps.yaml", ":3: key 'steps': must be a list of at least one step"},
                          Case{"bad_condition.yaml", ":6: key 'when': 'length >> 20' is not a condition"},
                          Case{"not_yaml.yaml", ": is not valid YAML"}}) {
        INFO(c.file);
        auto r = o.as("admin", {"approvals", "flow", "set", "hello.greeting_review", fixture(c.file)});
        CHECK(r.exitCode == 1);
        CHECK_THAT(r.err, Catch::Contains(fixture(c.file)) && Catch::Contains(c.says));
    }
    auto missing = o.as("admin", {"approvals", "flow", "set", "hello.greeting_review", fixture("absent.yaml")});
    CHECK(missing.exitCode == 1);
    CHECK_THAT(missing.err, Catch::Contains("absent.yaml: cannot be read"));
    CHECK(o.flow("hello.greeting_review")["customised"] == false);
}
