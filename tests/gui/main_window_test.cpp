// The real application under Xvfb: what a person sees, in English and in Chinese.
#include "gui_runner.hpp"

#include <catch2/catch.hpp>

using namespace tiller::test;
using Catch::Matchers::VectorContains;

namespace {
std::vector<std::string> labels(const nlohmann::json& list, const char* key = "label") {
    std::vector<std::string> out;
    for (const auto& item : list) out.push_back(item[key]);
    return out;
}
const std::string kFixtures = TILLER_FIXTURE_PLUGINS;
}  // namespace

TEST_CASE("the main window shows menus, toolbar and navigation contributed by plugins", "[gui]") {
    TempDir home;
    Gui gui(home);
    auto r = gui.run("main-window-en", {"--lang", "en"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(std::filesystem::file_size(r.screenshot) > 10000);
    CHECK(labels(r.ui["menus"]) == std::vector<std::string>{"File", "View", "Customers", "Tools", "Help"});
    CHECK_THAT(menuItems(r.ui, "Tools"), VectorContains(std::string("Greet the World")));
    CHECK_THAT(menuItems(r.ui, "Tools"), VectorContains(std::string("Plugins...")));
    CHECK(r.ui["toolbar"] == nlohmann::json::array({"Home", "Refresh", "Greet the World"}));
    REQUIRE(r.ui["navigation"].size() == 4);
    CHECK(r.ui["navigation"][0]["label"] == "My work");
    CHECK(r.ui["navigation"][0]["items"][0]["label"] == "My approvals");
    CHECK(r.ui["navigation"][1]["label"] == "Customers");
    CHECK(labels(r.ui["navigation"][1]["items"]) ==
          std::vector<std::string>{"Customers", "Public pool", "Contacts", "Leads", "Lead pool"});
    CHECK(r.ui["navigation"][2]["label"] == "Hello");
    CHECK(r.ui["navigation"][2]["items"][0]["label"] == "Greetings");
    CHECK(r.ui["navigation"][3]["label"] == "Administration");
    CHECK(labels(r.ui["navigation"][3]["items"]) ==
          std::vector<std::string>{"Organisation", "Users", "Roles and permissions", "Data dictionary", "Custom fields",
                                   "Approval flows"});
    CHECK_THAT(menuItems(r.ui, "File"), VectorContains(std::string("My profile...")));
    CHECK(r.ui["tabs"] == nlohmann::json::array({"Home"}));
    CHECK(r.ui["status"][1] == std::to_string(TILLER_BUILTIN_PLUGINS) + " plugins running");
    // shortcuts come from the contributions
    for (const auto& m : r.ui["menus"])
        for (const auto& item : m["items"])
            if (item["label"] == "Greet the World") CHECK(item["shortcut"] == "Ctrl+Shift+H");
}

TEST_CASE("the main window speaks Chinese with --lang zh_CN", "[gui]") {
    TempDir home;
    Gui gui(home);
    auto r = gui.run("main-window-zh_CN", {"--lang", "zh_CN"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(labels(r.ui["menus"]) == std::vector<std::string>{"文件", "视图", "客户", "工具", "帮助"});
    CHECK_THAT(menuItems(r.ui, "工具"), VectorContains(std::string("问候世界")));
    CHECK_THAT(menuItems(r.ui, "文件"), VectorContains(std::string("备份数据库...")));
    CHECK(r.ui["navigation"][0]["label"] == "我的工作");
    CHECK(r.ui["navigation"][1]["label"] == "客户管理");
    CHECK(r.ui["navigation"][1]["items"][0]["label"] == "客户列表");
    CHECK(r.ui["navigation"][2]["label"] == "问候");
    CHECK(r.ui["navigation"][2]["items"][0]["label"] == "问候记录");
    CHECK(r.ui["navigation"][3]["label"] == "系统设置");
    CHECK(r.ui["tabs"] == nlohmann::json::array({"首页"}));
    CHECK(r.ui["status"][0] == "就绪");
}

TEST_CASE("a plugin's list view opens with its rows and translated columns", "[gui]") {
    TempDir home;
    Gui gui(home);
    REQUIRE(gui.cli().run({"demo", "--customers", "250"}).exitCode == 0);  // 25 greetings
    auto en = gui.run("hello-list-en", {"--open", "hello.greetings"});
    INFO(en.err);
    REQUIRE(en.exitCode == 0);
    CHECK(en.ui["current_tab"] == "Greetings");
    CHECK(en.ui["current_list_rows"] == 25);
    CHECK(en.ui["current_list_columns"] == nlohmann::json::array({"No.", "Name", "Greeting", "Kind", "Occasion",
                                                                  "Gift value", "Visit on", "Owner", "State"}));
    auto zh = gui.run("hello-list-zh_CN", {"--lang", "zh_CN", "--open", "hello.greetings"});
    REQUIRE(zh.exitCode == 0);
    CHECK(zh.ui["current_tab"] == "问候记录");
    CHECK(zh.ui["current_list_columns"] ==
          nlohmann::json::array({"序号", "姓名", "问候语", "类型", "场合", "礼品金额", "拜访日期", "负责人", "状态"}));
}

TEST_CASE("the Plugins dialog lists every plugin with state and reason", "[gui]") {
    TempDir home;
    Gui gui(home);
    for (const auto& [lang, failed] : {std::pair<std::string, std::string>{"en", "Failed"}, {"zh_CN", "失败"}}) {
        auto r = gui.run("plugins-dialog-" + lang, {"--lang", lang, "--plugins-dir", kFixtures, "--open", "shell.plugins"});
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
        REQUIRE(r.ui["dialogs"].size() == 1);
        auto dialog = r.ui["dialogs"][0];
        CHECK(dialog["title"] == (lang == "en" ? "Plugins" : "插件"));
        bool sawCycle = false, sawHello = false;
        for (const auto& row : dialog["texts"]) {
            if (!row.is_array()) continue;
            if (row[1] == "cycle_a") {
                sawCycle = true;
                CHECK(row[5] == failed);
                CHECK(row[6] == "circular dependency: cycle_a -> cycle_b -> cycle_a");
            }
            if (row[1] == "hello") {
                sawHello = true;
                CHECK(row[2] == "1.0.0");
                CHECK(row[3] == "Tiller");
                CHECK(row[4] == "Apache-2.0");
            }
        }
        CHECK(sawCycle);
        CHECK(sawHello);
    }
}

TEST_CASE("a plugin's failing command shows an error naming the plugin and the app goes on", "[gui]") {
    TempDir home;
    Gui gui(home);
    auto r = gui.run("command-error", {"--plugins-dir", kFixtures, "--open", "throws_in_command.explode"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    REQUIRE(r.ui["dialogs"].size() == 1);
    CHECK(r.ui["dialogs"][0]["title"] == "The command failed");
    CHECK_THAT(r.ui["dialogs"][0]["texts"][0].get<std::string>(),
               Catch::Contains("throws_in_command") && Catch::Contains("division by zero"));
    CHECK(r.ui["tabs"] == nlohmann::json::array({"Home"}));
}

TEST_CASE("the Settings dialog shows the pages plugins contribute", "[gui]") {
    TempDir home;
    Gui gui(home);
    auto r = gui.run("settings-dialog-zh_CN", {"--lang", "zh_CN", "--open", "shell.settings"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    REQUIRE(r.ui["dialogs"].size() == 1);
    CHECK(r.ui["dialogs"][0]["title"] == "设置");
    auto texts = r.ui["dialogs"][0]["texts"].dump();
    CHECK_THAT(texts, Catch::Contains("\"问候\""));  // the hello plugin's page is listed
}

TEST_CASE("the window layout is kept between runs", "[gui]") {
    TempDir home;
    Gui gui(home);
    auto first = gui.run("layout-before", {"--open", "shell.navigation"});  // hide navigation
    REQUIRE(first.exitCode == 0);
    CHECK(std::filesystem::exists(home / "config" / "tiller" / "window.ini"));
    auto second = gui.run("layout-after", {});
    REQUIRE(second.exitCode == 0);
    CHECK(second.ui["navigation_shown"] == false);
}

TEST_CASE("asking to open a view that does not exist fails the screenshot run", "[gui]") {
    TempDir home;
    Gui gui(home);
    auto r = gui.run("unknown-view", {"--open", "nobody.nothing"});
    CHECK(r.exitCode == 3);
    CHECK_THAT(r.ui["status"][0].get<std::string>(), Catch::Contains("nobody.nothing"));
}

TEST_CASE("without a display tiller says so and exits", "[gui]") {
    auto r = tiller::util::runProcess({TILLER_GUI_PATH}, {{"DISPLAY", ""}, {"WAYLAND_DISPLAY", ""}});
    CHECK(r.exitCode == 1);
    CHECK_THAT(r.err, Catch::Contains("no graphical display"));
}

TEST_CASE("Settings has an Email page that sends a test message", "[gui][mail]") {
    TempDir home;
    Gui gui(home);
    auto r = gui.run("email-settings-zh_CN", {"--lang", "zh_CN", "--open", "shell.settings"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    REQUIRE(r.ui["dialogs"].size() == 1);
    auto texts = r.ui["dialogs"][0]["texts"].dump();
    CHECK_THAT(texts, Catch::Contains("电子邮件"));      // the page is listed
    CHECK_THAT(texts, Catch::Contains("登录安全"));      // beside the people plugin's page
}
