// The people and access screens under Xvfb, with an office's worth of people made through
// tiller-cli first.
#include "gui_runner.hpp"

#include <tiller/db/database.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace tiller::test;
using nlohmann::json;

namespace {

struct Office {
    TempDir home;
    Gui gui{home};

    Office() {
        auto& cli = gui.cli();
        REQUIRE(cli.run({"user", "passwd", "admin", "--password-stdin"}, {}, "admin-password\n").exitCode == 0);
        std::map<std::string, std::string> admin{{"TILLER_PASSWORD", "admin-password"}};
        auto as = [&](std::vector<std::string> args, const std::string& input = {}) {
            args.insert(args.begin(), {"--user", "admin"});
            auto r = cli.run(args, admin, input);
            INFO(r.err);
            REQUIRE(r.exitCode == 0);
        };
        as({"department", "add", "舵手贸易有限公司", "--unit", "--phone", "021-55551234"});
        as({"department", "add", "销售部", "--parent", "舵手贸易有限公司"});
        as({"department", "add", "华东销售组", "--parent", "销售部"});
        as({"user", "add", "zhangsan", "--name", "张三", "--role", "sales", "--department", "销售部", "--extension", "8001",
            "--password-stdin"}, "zhangsan-password\n");
        as({"user", "add", "lisi", "--name", "李四", "--role", "service", "--department", "华东销售组", "--password-stdin"},
           "lisi-password\n");
    }
    GuiRun run(const std::string& name, const std::string& user, std::vector<std::string> args) {
        args.insert(args.end(), {"--user", user});
        return gui.run(name, args, {{"TILLER_PASSWORD", user + "-password"}});
    }
};

// The first text entry (a report list row) whose first cell is `first`.
json rowStartingWith(const json& texts, const std::string& first) {
    for (const auto& t : texts)
        if (t.is_array() && !t.empty() && t[0] == first) return t;
    return json();
}

bool contains(const json& texts, const json& wanted) {
    for (const auto& t : texts)
        if (t == wanted) return true;
    return false;
}

}  // namespace

TEST_CASE("with several users Tiller starts with a sign-in dialog", "[gui][people]") {
    Office o;
    for (const std::string lang : {"en", "zh_CN"}) {
        auto r = o.gui.run("login-" + lang, {"--lang", lang, "--open", "login"});
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
        REQUIRE(r.ui["dialogs"].size() == 1);
        auto dialog = r.ui["dialogs"][0];
        CHECK(dialog["title"] == (lang == "en" ? "Sign in to Tiller" : "登录舵手"));
        CHECK(contains(dialog["texts"], lang == "en" ? "Password" : "密码"));
    }
}

TEST_CASE("the users screen lists people with department and roles, and keeps their history", "[gui][people]") {
    Office o;
    auto r = o.run("users-zh_CN", "admin", {"--lang", "zh_CN", "--open", "people.users"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.ui["current_tab"] == "用户");
    auto texts = r.ui["current_tab_texts"];
    CHECK(rowStartingWith(texts, "zhangsan") == json::array({"zhangsan", "张三", "销售部", "销售", "启用中"}));
    CHECK(rowStartingWith(texts, "lisi") == json::array({"lisi", "李四", "华东销售组", "客服坐席", "启用中"}));
    CHECK(contains(texts, json{{"check", "系统管理员"}, {"checked", true}}));  // admin is selected first
    auto en = o.run("users-en", "admin", {"--open", "people.users"});
    REQUIRE(en.exitCode == 0);
    bool sawPasswordChange = false;
    for (const auto& t : en.ui["current_tab_texts"])
        if (t.is_array() && t.size() == 3 && t[2].get<std::string>().find("password") != std::string::npos)
            sawPasswordChange = true;
    CHECK(sawPasswordChange);
}

TEST_CASE("the roles screen ticks permissions in one tree and sets the data scope", "[gui][people]") {
    Office o;
    auto r = o.run("roles-zh_CN", "admin", {"--lang", "zh_CN", "--open", "people.roles"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.ui["current_tab"] == "角色与权限");
    auto texts = r.ui["current_tab_texts"];
    // The sales role is shown: it may greet, but not manage users.
    CHECK(contains(texts, json{{"permission", "问候他人"}, {"key", "hello.greet"}, {"checked", true}}));
    CHECK(contains(texts, json{{"permission", "管理用户、角色和组织机构"}, {"key", "core.users"}, {"checked", false}}));
    CHECK(contains(texts, json{{"choice", "本人的记录"}}));  // sales: own records by default
    CHECK(contains(texts, "问候"));                              // the greeting entity's scope row
}

TEST_CASE("the organisation screen shows units and departments as a tree", "[gui][people]") {
    Office o;
    auto r = o.run("organisation-zh_CN", "admin", {"--lang", "zh_CN", "--open", "people.organisation"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    json tree;
    for (const auto& t : r.ui["current_tab_texts"])
        if (t.is_object() && t.contains("tree")) tree = t["tree"];
    REQUIRE(tree.size() == 1);
    CHECK(tree[0]["label"] == "舵手贸易有限公司");
    CHECK(tree[0]["items"][0]["label"] == "销售部");
    CHECK(tree[0]["items"][0]["items"][0]["label"] == "华东销售组");
    CHECK(contains(r.ui["current_tab_texts"], json{{"field", "021-55551234"}}));
}

TEST_CASE("my profile shows the signed-in person's own details", "[gui][people]") {
    Office o;
    auto r = o.run("profile-zh_CN", "zhangsan", {"--lang", "zh_CN", "--open", "people.profile"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    REQUIRE(r.ui["dialogs"].size() == 1);
    CHECK(r.ui["dialogs"][0]["title"] == "个人设置");
    CHECK(contains(r.ui["dialogs"][0]["texts"], "zhangsan"));
    CHECK(contains(r.ui["dialogs"][0]["texts"], json{{"field", "张三"}}));
}

TEST_CASE("a user without a permission sees no administration and greyed commands", "[gui][people][security]") {
    Office o;
    auto r = o.run("sales-user-main-window", "zhangsan", {});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    for (const auto& group : r.ui["navigation"]) CHECK(group["label"] != "Administration");
    auto enabled = [&](const std::string& menu, const std::string& label) {
        for (const auto& m : r.ui["menus"])
            if (m["label"] == menu)
                for (const auto& item : m["items"])
                    if (item["label"] == label) return item["enabled"].get<bool>();
        FAIL("no menu item " << label);
        return true;
    };
    CHECK_FALSE(enabled("File", "Back up the database..."));
    CHECK_FALSE(enabled("Tools", "Plugins..."));
    CHECK(enabled("Tools", "Greet the World"));  // sales may greet
    // Opening an administration view by id is refused too.
    auto refused = o.run("sales-user-opens-users", "zhangsan", {"--open", "people.users"});
    REQUIRE(refused.ui["dialogs"].size() == 1);
    CHECK(refused.ui["dialogs"][0]["title"] == "Not allowed");
}

TEST_CASE("a PostgreSQL password is asked for, with the offer to keep it in the keyring", "[gui][people]") {
    const char* url = std::getenv("TILLER_TEST_PG_PASSWORD_URL");
    REQUIRE(url);  // scripts/test provides a server with a password-protected role
    TempDir home;
    Gui gui(home);
    auto r = gui.run("database-password-zh_CN", {"--lang", "zh_CN", "--db", url, "--open", "database-password"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    REQUIRE(r.ui["dialogs"].size() == 1);
    CHECK(r.ui["dialogs"][0]["title"] == "数据库密码");
    CHECK(contains(r.ui["dialogs"][0]["texts"], "连接"));
    // The password never lands in the settings file.
    CHECK_FALSE(std::filesystem::exists(home / "config" / "tiller" / "tiller.yaml"));
}

TEST_CASE("the data dictionary screen shows a picklist's values in the user's language", "[gui][dictionary]") {
    Office o;
    auto r = o.run("dictionary-zh_CN", "admin", {"--lang", "zh_CN", "--open", "dictionary.values"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.ui["current_tab"] == "数据字典");
    json tree;
    for (const auto& t : r.ui["current_tab_texts"])
        if (t.is_object() && t.contains("tree")) tree = t["tree"];
    // The first kind is shown: the contacts plugin's six fixed customer types.
    REQUIRE(tree.size() == 6);
    CHECK(tree[0]["label"] == "客户");
    CHECK(tree[5]["label"] == "个人用户");
    CHECK(contains(r.ui["current_tab_texts"], json{{"item", "场合"}}));
    bool explained = false;
    for (const auto& t : r.ui["current_tab_texts"])
        if (t.is_string() && t.get<std::string>().find("系统值") != std::string::npos) explained = true;
    CHECK(explained);
}

TEST_CASE("My approvals lists what waits for the signed-in person, from a plugin's flow", "[gui][approval]") {
    Office o;
    // The administrator heads 销售部 (the system position "Manager").
    {
        auto db = tiller::db::Database::open(tiller::db::DatabaseUrl::sqliteFile(o.home / "data" / "tiller" / "tiller.db"));
        db->withSession([](soci::session& s) {
            s << "UPDATE core_user SET position_id = (SELECT id FROM core_position WHERE name = 'Manager'), "
                 "department_id = (SELECT id FROM core_department WHERE name = '销售部') WHERE login = 'admin'";
        });
    }
    std::map<std::string, std::string> env{{"TILLER_PASSWORD", "zhangsan-password"}};
    auto greeted = o.gui.cli().run({"--user", "zhangsan", "hello-greet", "王芳", "--json"}, env);
    REQUIRE(greeted.exitCode == 0);
    auto id = std::to_string(greeted.json()["id"].get<long long>());
    auto submitted = o.gui.cli().run({"--user", "zhangsan", "hello-submit", id}, env);
    INFO(submitted.err);
    REQUIRE(submitted.exitCode == 0);

    auto mine = o.run("my-approvals-submitter", "zhangsan", {"--open", "shell.approvals"});
    REQUIRE(mine.exitCode == 0);
    CHECK(rowStartingWith(mine.ui["current_tab_texts"], "Greeting review").is_null());  // nothing waits for her

    auto r = o.run("my-approvals-zh_CN", "admin", {"--lang", "zh_CN", "--open", "shell.approvals"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.ui["current_tab"] == "我的待办");
    auto row = rowStartingWith(r.ui["current_tab_texts"], "问候审核");
    REQUIRE(row.is_array());
    CHECK(row[1] == "hello.greeting " + id);
    CHECK(row[2] == "部门负责人");
    bool submittedShown = false;
    for (const auto& t : r.ui["current_tab_texts"])
        if (t.is_array() && t.size() == 5 && t[3] == "提交" && t[1] == "张三") submittedShown = true;
    CHECK(submittedShown);  // the history of the selected record
}
