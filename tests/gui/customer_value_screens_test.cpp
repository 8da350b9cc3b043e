// The customer-value screens in the real application, in English and Chinese, with screenshots:
// the three settings pages, the upgrade and assessment dialogs, and the customer list with the
// customers over their credit limit in red (exposure from the customer_money test plugin).
#include "gui_runner.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace tiller::test;
using nlohmann::json;

namespace {

bool contains(const json& texts, const json& wanted) {
    for (const auto& t : texts) {
        if (t == wanted) return true;
        if (t.is_array() && contains(t, wanted)) return true;
    }
    return false;
}

bool startsWith(const json& texts, const std::string& prefix) {
    for (const auto& t : texts) {
        if (t.is_string() && t.get<std::string>().rfind(prefix, 0) == 0) return true;
        if (t.is_array() && startsWith(t, prefix)) return true;
    }
    return false;
}

const json& onlyDialog(const GuiRun& r) {
    REQUIRE(r.ui["dialogs"].size() == 1);
    return r.ui["dialogs"][0];
}

struct Language {
    std::string code, settings, total, quarter, upgradeTitle, ladder, assessTitle, legend;
    std::vector<std::string> menuItems;
};

}  // namespace

TEST_CASE("the customer-value settings, dialogs and red rows show in English and Chinese", "[gui][contacts]") {
    TempDir home;
    Gui gui(home);
    const auto& cli = gui.cli();
    std::vector<std::string> money{"--plugins-dir", TILLER_MONEY_PLUGINS};
    REQUIRE(cli.run({"demo", "--customers", "30"}).exitCode == 0);
    REQUIRE(cli.run({"customers", "assessment-items", "--item", "年采购额=50:100 = 年采购100万以上", "--item",
                     "合作年限=30:100 = 5年以上"})
                .exitCode == 0);
    REQUIRE(cli.run({"customers", "vip-tiers", "--tier", "银卡=3000/5000/1000", "--tier", "金卡=10000/20000/5000"}).exitCode == 0);
    REQUIRE(cli.run({"customers", "credit-policy", "--period", "quarter", "--default", "10000"}).exitCode == 0);
    std::vector<std::string> review = money;
    review.insert(review.end(), {"customers", "credit-review", "--json"});
    auto flagged = cli.run(review);
    INFO(flagged.err);
    REQUIRE(flagged.exitCode == 0);
    CHECK(flagged.json()["flagged"] == 6);  // ids 1, 6, ... 26 owe ¥20,000 against ¥10,000

    for (const auto& lang :
         {Language{"en", "Settings", "Total weight: 80  (the weights add up to 80, less than 100", "Quarter",
                   "Request status upgrade", "invalid → basic → potential → successful → pilot → typical",
                   "Assess customer value", "\u25A0 Over the credit limit this period",
                   {"Request status upgrade...", "Assess customer value..."}},
          Language{"zh_CN", "设置", "权重合计：80  (权重合计为80，不足100", "季度", "申请状态升级",
                   "无效 → 基本 → 潜在 → 成功 → 试点 → 典型", "客户价值评估", "\u25A0 本期超出信用额度",
                   {"申请状态升级...", "客户价值评估..."}}}) {
        std::vector<std::string> langArgs{"--lang", lang.code};
        auto open = [&](const std::string& name, const std::string& what, bool withMoney = false) {
            std::vector<std::string> args = langArgs;
            args.insert(args.end(), {"--open", what});
            if (withMoney) args.insert(args.end(), money.begin(), money.end());
            auto r = gui.run(name + "-" + lang.code, args);
            INFO(r.err);
            REQUIRE(r.exitCode == 0);
            return r;
        };

        auto items = open("settings-customer-value", "settings:contacts.value_settings");
        const auto& page = onlyDialog(items);
        CHECK(page["title"] == lang.settings);
        CHECK(contains(page["texts"], json::array({"年采购额", "50", "100 = 年采购100万以上"})));
        CHECK(contains(page["texts"], json::array({"合作年限", "30", "100 = 5年以上"})));
        CHECK(startsWith(page["texts"], lang.total));

        auto tiers = open("settings-vip-tiers", "settings:contacts.vip_settings");
        CHECK(contains(onlyDialog(tiers)["texts"], json::array({"银卡", "3,000.00", "5,000.00", "1,000.00"})));
        CHECK(contains(onlyDialog(tiers)["texts"], json::array({"金卡", "10,000.00", "20,000.00", "5,000.00"})));

        auto credit = open("settings-credit", "settings:contacts.credit_settings");
        CHECK(contains(onlyDialog(credit)["texts"], json{{"choice", lang.quarter}}));
        CHECK(contains(onlyDialog(credit)["texts"], json{{"field", "10,000.00"}}));

        auto upgrade = open("request-upgrade", "contacts.request_upgrade");
        CHECK(onlyDialog(upgrade)["title"] == lang.upgradeTitle);
        CHECK(contains(onlyDialog(upgrade)["texts"], lang.ladder));
        std::vector<std::string> all;  // the commands are in the Customers menu, whatever it is called
        for (const auto& menu : upgrade.ui["menus"])
            if (menu["label"] == (lang.code == "en" ? "Customers" : "客户")) all = menuItems(upgrade.ui, menu["label"]);
        for (const auto& item : lang.menuItems) CHECK(std::find(all.begin(), all.end(), item) != all.end());

        auto assess = open("assess-customer", "contacts.assess_customer");
        CHECK(onlyDialog(assess)["title"] == lang.assessTitle);
        CHECK(contains(onlyDialog(assess)["texts"], json::array({"年采购额", "50", "100 = 年采购100万以上", ""})));

        auto list = open("customers-over-credit", "contacts.customers", true);
        auto red = list.ui["current_list_highlighted_ids"];
        CHECK(red == json::array({26, 21, 16, 11, 6, 1}));  // newest first
        CHECK(contains(list.ui["current_tab_texts"], lang.legend));
    }
}
