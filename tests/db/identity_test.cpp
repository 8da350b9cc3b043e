// People and access on both engines: single-user mode, passwords, sign-in and lockout, the
// organisation's rules, permissions, data scope, and the audit trail.
#include "test_database.hpp"

#include <tiller/data/records.hpp>
#include <tiller/errors.hpp>
#include <tiller/identity/access.hpp>
#include <tiller/identity/password.hpp>
#include <tiller/log/log.hpp>
#include <tiller/plugin/command_runner.hpp>
#include <tiller/plugin/list_source.hpp>
#include <tiller/startup.hpp>

#include <catch2/catch.hpp>

using namespace tiller;
using namespace tiller::identity;
using tiller::test::TestDatabase;

namespace {

const long long kStart = 1'800'000'000'000LL;  // a fixed instant

struct People {
    TestDatabase t;
    std::shared_ptr<db::Database> database = startup::openAndMigrate(t.url()).database;
    ManualClock clock{kStart};

    People() { UserDirectory(*database, clock, {}).ensureAdministrator(); }
    UserDirectory users() { return UserDirectory(*database, clock, {}); }
    Organisation organisation() { return Organisation(*database, clock, {}); }
    RoleBook roles() { return RoleBook(*database, clock, {}); }
    Authenticator authenticator() { return Authenticator(*database, clock); }

    // admin gets a password; then `login` joins with `roles` (and a department).
    void addUser(const std::string& login, std::vector<std::string> roles, std::optional<long long> department = {}) {
        if (!users().find("admin")->hasPassword) users().setPassword("admin", "admin-password");
        NewUser u;
        u.login = login;
        u.name = login;
        u.roles = std::move(roles);
        u.departmentId = department;
        u.password = login + "-password";
        users().add(u);
    }
};

std::string field(db::Database& database, const std::string& sql) {
    return database.withSession([&](soci::session& s) {
        std::string v;
        soci::indicator ind;
        s << sql, soci::into(v, ind);
        return ind == soci::i_ok ? v : std::string();
    });
}

}  // namespace

TEST_CASE("a new database has one administrator and nobody has to sign in", "[identity]") {
    People p;
    auto all = p.users().users();
    REQUIRE(all.size() == 1);
    CHECK(all[0].login == "admin");
    CHECK(all[0].roles == std::vector<std::string>{"administrator"});
    CHECK_FALSE(p.authenticator().signInRequired());
    auto policy = p.authenticator().signInAlone();
    CHECK(policy->user().login == "admin");
    CHECK(policy->allows("anything.at.all"));
}

TEST_CASE("a second user needs the first to have a password, then everyone signs in", "[identity]") {
    People p;
    NewUser bob;
    bob.login = "bob";
    bob.name = "Bob";
    bob.roles = {"sales"};
    bob.password = "bob-password";
    CHECK_THROWS_WITH(p.users().add(bob), Catch::Contains("set a password for 'admin' first"));
    p.users().setPassword("admin", "admin-password");
    p.users().add(bob);
    CHECK(p.authenticator().signInRequired());
    CHECK_THROWS_AS(p.authenticator().signInAlone(), SignInRefused);
    CHECK(p.authenticator().signIn("bob", "bob-password")->user().login == "bob");
}

TEST_CASE("passwords are kept only as Argon2id hashes and never logged or audited", "[identity][security]") {
    test::TempDir logs;
    log::Options options;
    options.fileLevel = log::Level::debug;
    options.stderrLevel = log::Level::off;
    options.directory = logs.path();
    log::init(options);
    People p;
    p.addUser("carol", {"sales"});
    auto hash = field(*p.database, "SELECT password_hash FROM core_user WHERE login = 'carol'");
    CHECK(hash.starts_with("$argon2id$"));
    CHECK(hash.find("carol-password") == std::string::npos);
    CHECK(verifyPassword(hash, "carol-password"));
    CHECK_FALSE(verifyPassword(hash, "carol-passwort"));
    CHECK_THROWS_AS(p.authenticator().signIn("carol", "wrong-password"), SignInRefused);
    p.authenticator().signIn("carol", "carol-password");
    options.fileLevel = log::Level::off;
    log::init(options);  // flush and close
    std::string logged = test::readFile(logs / "tiller.log");
    CHECK_THAT(logged, Catch::Contains("'carol' signed in"));
    for (const auto& secret : {std::string("carol-password"), std::string("wrong-password"), hash})
        CHECK(logged.find(secret) == std::string::npos);
    std::string audit = field(*p.database, "SELECT changes FROM core_audit WHERE entity = 'core.user' ORDER BY id DESC");
    CHECK(audit.find("$argon2id$") == std::string::npos);
    CHECK_THROWS_WITH(p.users().setPassword("carol", "short"), Catch::Contains("at least 8 characters"));
}

TEST_CASE("lockout engages after the set number of failures and lifts after the set time", "[identity][security]") {
    People p;
    p.addUser("dave", {"sales"});
    auto auth = p.authenticator();
    auth.setLockout(3, 10);
    CHECK_THROWS_WITH(auth.signIn("dave", "nope-1"), "the login or the password is wrong");
    CHECK_THROWS_WITH(auth.signIn("dave", "nope-2"), "the login or the password is wrong");
    CHECK_THROWS_WITH(auth.signIn("dave", "nope-3"), Catch::Contains("is now locked for 10 minute(s)"));
    // Locked: even the right password is refused, with the time left.
    CHECK_THROWS_WITH(auth.signIn("dave", "dave-password"), Catch::Contains("locked") && Catch::Contains("10 minute(s)"));
    p.clock.advanceMinutes(9);
    CHECK_THROWS_WITH(auth.signIn("dave", "dave-password"), Catch::Contains("1 minute(s)"));
    p.clock.advanceMinutes(2);
    CHECK(auth.signIn("dave", "dave-password")->user().login == "dave");
    // A success resets the count: two more failures do not lock.
    CHECK_THROWS(auth.signIn("dave", "x"));
    CHECK_THROWS(auth.signIn("dave", "y"));
    CHECK(auth.signIn("dave", "dave-password"));
}

TEST_CASE("unknown logins and disabled accounts are refused, the last administrator stays", "[identity][security]") {
    People p;
    p.addUser("erin", {"sales"});
    CHECK_THROWS_WITH(p.authenticator().signIn("nobody", "whatever-1"), "the login or the password is wrong");
    p.users().setActive("erin", false);
    CHECK_THROWS_WITH(p.authenticator().signIn("erin", "erin-password"), Catch::Contains("is disabled"));
    CHECK_THROWS_WITH(p.users().setActive("admin", false), Catch::Contains("last active administrator"));
}

TEST_CASE("the organisation keeps its rules", "[identity]") {
    People p;
    auto org = p.organisation();
    CHECK_THROWS_WITH(org.addDepartment({0, {}, "Head office", "", true, 1}), Catch::Contains("a unit needs a phone"));
    long long top = org.addDepartment({0, {}, "舵手贸易有限公司", "021-55551234", true, 1});
    CHECK_THROWS_WITH(org.addDepartment({0, {}, "Second top", "1", true, 1}), Catch::Contains("already a top unit"));
    long long sales = org.addDepartment({0, top, "销售部", "", false, 1});
    long long east = org.addDepartment({0, sales, "华东销售组", "", false, 1});
    CHECK(org.subtree(sales) == std::vector<long long>{sales, east});
    CHECK_THROWS_WITH(org.removeDepartment(sales), Catch::Contains("sub-departments"));
    p.addUser("frank", {"sales"}, east);
    CHECK_THROWS_WITH(org.removeDepartment(east), Catch::Contains("people belong to it"));
    long long empty = org.addDepartment({0, top, "Empty", "", false, 1});
    org.removeDepartment(empty);
    CHECK(org.departments().size() == 3);
    auto dept = org.departments()[1];
    dept.parentId = east;  // below itself
    CHECK_THROWS_WITH(org.updateDepartment(dept), Catch::Contains("below itself"));
}

TEST_CASE("a permission declared by a plugin is granted once to the roles it names", "[identity]") {
    People p;
    auto roles = p.roles();
    roles.grantNewPermissions({{"hello.greet", {"sales"}}, {"hello.view", {"sales", "service"}}});
    CHECK(roles.permissions("sales") == std::set<std::string>{"hello.greet", "hello.view"});
    CHECK(roles.permissions("service") == std::set<std::string>{"hello.view"});
    roles.setPermissions("sales", {"hello.view"});  // the administrator takes one away
    roles.grantNewPermissions({{"hello.greet", {"sales"}}});  // next start: stays taken away
    CHECK(roles.permissions("sales") == std::set<std::string>{"hello.view"});
    CHECK_THROWS_WITH(roles.setPermissions("administrator", {}), Catch::Contains("always has every permission"));
}

TEST_CASE("a user without a permission cannot run the command or use the service", "[identity][security]") {
    People p;
    p.addUser("gina", {"warehouse"});
    p.roles().setPermissions("warehouse", {"stock.view"});
    plugin::Registry registry;
    registry.setOwner("stock");
    registry.add(plugin::Permission{"stock.adjust", "Adjust stock", "", {}});
    int adjusted = 0;
    plugin::Command adjust;
    adjust.id = "stock.adjust";
    adjust.label = "Adjust";
    adjust.permission = "stock.adjust";
    adjust.run = [&](plugin::Host&) { ++adjusted; };
    registry.add(adjust);
    plugin::Host host(p.database, registry, p.authenticator().signIn("gina", "gina-password"));
    CHECK(plugin::runCommand(host, "stock.adjust").result == plugin::CommandOutcome::Result::refused);
    CHECK_THROWS_AS(host.require("stock.adjust"), PermissionDenied);  // what a service calls
    CHECK_THROWS_WITH(host.require("stock.adjust"), Catch::Contains("Adjust stock"));
    CHECK_NOTHROW(host.require("stock.view"));
    CHECK(adjusted == 0);
    host.setPermissions(p.authenticator().signIn("admin", "admin-password"));
    CHECK(plugin::runCommand(host, "stock.adjust").result == plugin::CommandOutcome::Result::done);
    CHECK(adjusted == 1);
}

TEST_CASE("data scope: own, department with sub-departments, or all", "[identity][security]") {
    People p;
    auto org = p.organisation();
    long long top = org.addDepartment({0, {}, "Company", "010-1", true, 1});
    long long sales = org.addDepartment({0, top, "Sales", "", false, 1});
    long long east = org.addDepartment({0, sales, "Sales East", "", false, 1});
    long long service = org.addDepartment({0, top, "Service", "", false, 1});
    p.addUser("ann", {"sales"}, sales);      // own (the sales role's default)
    p.addUser("ben", {"sales"}, east);
    p.addUser("cat", {"service"}, sales);    // department
    p.addUser("dan", {"service"}, service);
    p.database->withSession([](soci::session& s) {
        s << "CREATE TABLE scope_note (id INTEGER PRIMARY KEY, owner_id BIGINT, body TEXT)";
        s << "INSERT INTO scope_note SELECT id, id, login FROM core_user";
    });
    plugin::Registry registry;
    registry.setOwner("notes");
    registry.add(plugin::OwnedTable{"scope_note", "notes.note", "owner_id", "Notes", ""});
    auto seen = [&](const std::string& login) {
        plugin::Host host(p.database, registry, p.authenticator().signIn(login, login == "admin" ? "admin-password" : login + "-password"));
        plugin::TableListSource list(host, "scope_note", {{"body", "Body", 100}}, "body");
        std::vector<std::string> bodies;
        for (const auto& row : list.rows(0, 100)) bodies.push_back(row[0]);
        CHECK(list.count() == bodies.size());
        return bodies;
    };
    CHECK(seen("ann") == std::vector<std::string>{"ann"});
    CHECK(seen("cat") == std::vector<std::string>{"ann", "ben", "cat"});  // Sales and Sales East
    CHECK(seen("dan") == std::vector<std::string>{"dan"});
    CHECK(seen("admin") == std::vector<std::string>{"admin", "ann", "ben", "cat", "dan"});
    // An explicit scope for the kind of record overrides the role's default.
    p.roles().setScope("sales", "notes.note", Scope::all);
    CHECK(seen("ben").size() == 5);
    p.roles().setScope("sales", "notes.note", Scope::own);
    // A record opened by id is refused outside the scope.
    plugin::Host annHost(p.database, registry, p.authenticator().signIn("ann", "ann-password"));
    long long bensNote = std::stoll(field(*p.database, "SELECT CAST(id AS TEXT) FROM scope_note WHERE body = 'ben'"));
    long long annsNote = std::stoll(field(*p.database, "SELECT CAST(id AS TEXT) FROM scope_note WHERE body = 'ann'"));
    CHECK_FALSE(annHost.canSee("scope_note", bensNote));
    CHECK(annHost.canSee("scope_note", annsNote));
}

TEST_CASE("the audit trail records who changed which field from what to what", "[identity][audit]") {
    People p;
    p.addUser("hugo", {"sales"});
    auto hugo = *p.users().find("hugo");
    auto admin = p.authenticator().signIn("admin", "admin-password");
    UserDirectory asAdmin(*p.database, p.clock, {admin->user().userId});
    p.clock.advanceMinutes(5);
    asAdmin.updateProfile(hugo.id, hugo.version, "Hugo 胡", "021-1", "", "hugo@example.invalid");
    auto entries = p.database->withSession([&](soci::session& s) { return data::history(s, "core.user", hugo.id); });
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].action == "create");
    CHECK(entries[1].action == "update");
    CHECK(entries[1].userName == "Administrator");
    CHECK(entries[1].at == kStart + 5 * 60'000);
    std::vector<std::string> fields;
    for (const auto& c : entries[1].changes) fields.push_back(c.field + ": " + c.before + " -> " + c.after);
    CHECK(fields == std::vector<std::string>{"name: hugo -> Hugo 胡", "phone:  -> 021-1", "email:  -> hugo@example.invalid"});
}

TEST_CASE("a stale save is refused and the newer data is kept", "[identity][audit]") {
    People p;
    p.addUser("iris", {"sales"});
    auto opened = *p.users().find("iris");  // two people open the same record
    p.users().updateProfile(opened.id, opened.version, "Iris First", "", "", "");
    CHECK_THROWS_AS(p.users().updateProfile(opened.id, opened.version, "Iris Second", "", "", ""), Conflict);
    CHECK(p.users().find("iris")->name == "Iris First");
}

TEST_CASE("the audit row and the change commit together or not at all", "[identity][audit][security]") {
    People p;
    p.addUser("jack", {"sales"});
    auto jack = *p.users().find("jack");
    auto audits = [&] { return field(*p.database, "SELECT CAST(COUNT(*) AS TEXT) FROM core_audit"); };
    std::string before = audits();
    CHECK_THROWS(p.database->inTransaction([&](soci::session& s) {
        data::Records(s, std::nullopt, kStart).update("core_user", "core.user", jack.id, jack.version, {{"name", std::string("Changed")}});
        throw std::runtime_error("the power went out");
    }));
    CHECK(p.users().find("jack")->name == "jack");
    CHECK(audits() == before);
    // And nobody can rewrite history afterwards.
    CHECK_THROWS(p.database->withSession([](soci::session& s) { s << "UPDATE core_audit SET action = 'delete'"; }));
    CHECK_THROWS(p.database->withSession([](soci::session& s) { s << "DELETE FROM core_audit"; }));
    CHECK(audits() == before);
}

TEST_CASE("hostile text is stored and found as plain data", "[identity][security]") {
    People p;
    std::string withNul = std::string("a") + '\0' + "b";
    CHECK_THROWS_WITH(p.database->inTransaction([&](soci::session& s) {
        data::Records(s, std::nullopt, kStart).insert("core_department", "core.department", {{"name", withNul}});
    }), Catch::Contains("name: contains a NUL character"));
    std::string hostile = "O'Brien\"; DROP TABLE core_user; --%_\\ 尾";
    long long id = p.database->inTransaction([&](soci::session& s) {
        return data::Records(s, std::nullopt, kStart).insert("core_department", "core.department",
                                                            {{"name", hostile}, {"phone", std::string(100000, '9')}});
    });
    auto back = p.database->withSession([&](soci::session& s) {
        std::string name;
        s << "SELECT name FROM core_department WHERE id = :id", soci::use(id), soci::into(name);
        return name;
    });
    CHECK(back == hostile);
    CHECK(p.users().users().size() == 1);  // core_user is still there
}
