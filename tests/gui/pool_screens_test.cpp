// The batch actions on the customer list, the public pool and the leads in the real
// application, in English and Chinese, with screenshots (build/screenshots/pool-*.png).
#include "gui_runner.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <tuple>

using namespace tiller::test;
using nlohmann::json;

namespace {


}  // namespace

TEST_CASE("the customer list shows its batch actions for the selected rows, in English and Chinese", "[gui][contacts][pool]") {
    TempDir home;
    Gui gui(home);
    REQUIRE(gui.cli().run({"demo", "--customers", "300"}).exitCode == 0);
    for (const auto& [lang, assign, release, category, selected] :
         std::vector<std::tuple<std::string, std::string, std::string, std::string, std::string>>{
             {"en", "Assign to...", "Move to pool", "Change category...", "Selected: 3"},
             {"zh_CN", "分配给...", "移入公海", "修改分类...", "已选：3"}}) {
        auto run = gui.run("pool-customer-list-batch-" + lang,
                           {"--lang", lang, "--open", "contacts.customers", "--select-rows", "3"});
        INFO(run.err);
        REQUIRE(run.exitCode == 0);
        CHECK(run.ui["current_list_rows"] == 300);
        const auto& texts = run.ui["current_tab_texts"];
        for (const auto& label : {assign, release, category, selected}) {
            INFO(label);
            CHECK(hasText(texts, label));
        }
    }
}

TEST_CASE("the public pool lists the customers nobody owns, with Claim, in English and Chinese", "[gui][contacts][pool]") {
    TempDir home;
    Gui gui(home);
    REQUIRE(gui.cli().run({"demo", "--customers", "300"}).exitCode == 0);
    auto en = gui.run("pool-public-pool-en", {"--lang", "en", "--open", "contacts.pool", "--select-rows", "1"});
    INFO(en.err);
    REQUIRE(en.exitCode == 0);
    CHECK(en.ui["current_tab"] == "Public pool");
    CHECK(en.ui["current_list_rows"] == 15);  // one demo customer in twenty
    CHECK(hasText(en.ui["current_tab_texts"], "Claim"));
    CHECK(hasText(en.ui["current_tab_texts"], "Assign to..."));

    auto zh = gui.run("pool-public-pool-zh_CN", {"--lang", "zh_CN", "--open", "contacts.pool"});
    INFO(zh.err);
    REQUIRE(zh.exitCode == 0);
    CHECK(zh.ui["current_tab"] == "公海池");
    CHECK(hasText(zh.ui["current_tab_texts"], "领取"));
    // Customers > Public pool, Leads and Lead pool in the navigation.
    std::vector<std::string> views;
    for (const auto& group : zh.ui["navigation"])
        if (group["label"] == "客户管理")
            for (const auto& item : group["items"]) views.push_back(item["label"]);
    for (const char* view : {"公海池", "销售线索", "线索公海"}) {
        INFO(view);
        CHECK(std::find(views.begin(), views.end(), view) != views.end());
    }
}

TEST_CASE("the leads list offers conversion into customers, in Chinese", "[gui][contacts][pool]") {
    TempDir home;
    Gui gui(home);
    REQUIRE(gui.cli().run({"demo", "--customers", "300"}).exitCode == 0);
    auto run = gui.run("pool-leads-zh_CN", {"--lang", "zh_CN", "--open", "contacts.leads", "--select-rows", "2"});
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    CHECK(run.ui["current_tab"] == "销售线索");
    CHECK(run.ui["current_list_rows"] == 15);
    CHECK(hasText(run.ui["current_tab_texts"], "转为客户..."));
    auto columns = run.ui["current_list_columns"];
    CHECK(std::find(columns.begin(), columns.end(), "线索状态") != columns.end());
}

TEST_CASE("Settings > Public pool sets the recall days, in Chinese", "[gui][contacts][pool]") {
    TempDir home;
    Gui gui(home);
    REQUIRE(gui.cli().run({"customers", "recall-days", "45"}).exitCode == 0);
    auto run = gui.run("pool-settings-zh_CN", {"--lang", "zh_CN", "--open", "settings:contacts.pool_settings"});
    INFO(run.err);
    REQUIRE(run.exitCode == 0);
    REQUIRE(run.ui["dialogs"].size() == 1);
    const auto& texts = run.ui["dialogs"][0]["texts"];
    for (const char* label : {"公海池", "未跟进超过", "天后收回公海池", "0 表示从不收回。"}) {
        INFO(label);
        CHECK(hasText(texts, label));
    }
}
