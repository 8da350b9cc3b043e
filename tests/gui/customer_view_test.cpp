// The customer card, the 360° view with other plugins' tabs (one of which fails) and the
// merge screen, in the real application, in English and Chinese, with screenshots.
#include "gui_runner.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace tiller::test;
using nlohmann::json;

namespace {

bool startsWithText(const json& texts, const std::string& prefix) {
    for (const auto& t : texts) {
        if (t.is_string() && t.get<std::string>().rfind(prefix, 0) == 0) return true;
        if (t.is_array() && startsWithText(t, prefix)) return true;
    }
    return false;
}

// The first notebook described in `texts`: page title -> its entry.
json notebook(const json& texts) {
    for (const auto& t : texts) {
        if (t.is_object() && t.contains("notebook")) return t["notebook"];
        if (t.is_array())
            if (auto inner = notebook(t); !inner.is_null()) return inner;
    }
    return nullptr;
}

std::vector<std::string> pageTitles(const json& book) {
    std::vector<std::string> titles;
    for (const auto& p : book) titles.push_back(p["page"]);
    return titles;
}

const json& page(const json& book, const std::string& title) {
    for (const auto& p : book)
        if (p["page"] == title) return p;
    throw std::runtime_error("no page " + title);
}

}  // namespace

TEST_CASE("the customer 360° view shows the header, its tabs and one tab per plugin panel, a failing one alone",
          "[gui][contacts]") {
    TempDir home;
    Gui gui(home);
    REQUIRE(gui.cli().run({"demo", "--customers", "40"}).exitCode == 0);
    struct Language {
        std::string code;
        std::vector<std::string> tabs;
        std::string status, error, orders;
    };
    for (auto lang :
         {Language{"en",
                   {"Details", "Contacts", "Addresses", "Activities", "History", "Approvals", "Orders (test)", "Broken (test)"},
                   "Status: ",
                   "This tab could not be shown:",
                   "3 test orders of customer 1"},
          Language{"zh_CN",
                   {"详细资料", "联系人", "地址", "活动", "修改记录", "审批记录", "订单（测试）", "出错的面板（测试）"},
                   "客户状态: ",
                   "此标签页无法显示：",
                   "3 test orders of customer 1"}}) {
#ifdef TILLER_HAS_DIALER
        lang.tabs.push_back(lang.code == "en" ? "Calls" : "通话");  // the dialer plugin's tab, after the test panels
#endif
        auto r = gui.run("customer-360-" + lang.code,
                         {"--lang", lang.code, "--open", "record:contacts.customer:1", "--plugins-dir", TILLER_PANEL_PLUGINS});
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
        CHECK(r.ui["dialogs"].empty());
        const auto& texts = r.ui["current_tab_texts"];
        CHECK(startsWithText(texts, lang.status));
        auto book = notebook(texts);
        REQUIRE(book.is_array());
        CHECK(pageTitles(book) == lang.tabs);
        CHECK(page(book, lang.tabs[0])["selected"] == true);
        // The working panel shows its widget; the failing one its error, and nothing it half made.
        CHECK(hasText(page(book, lang.tabs[6])["texts"], lang.orders));
        const auto& broken = page(book, lang.tabs[7])["texts"];
        CHECK(startsWithText(broken, lang.error));
        CHECK_FALSE(hasText(broken, "half-built widget that must not show"));
        // The contacts tab lists the demo customer's contacts.
        CHECK_FALSE(page(book, lang.tabs[1])["texts"].empty());
#ifdef TILLER_HAS_DIALER
        CHECK(hasText(page(book, lang.tabs.back())["texts"], lang.code == "en" ? "No calls with this customer yet" : "与此客户还没有通话"));
#endif
    }
}

TEST_CASE("a new customer opens the card with its first contact", "[gui][contacts]") {
    TempDir home;
    Gui gui(home);
    REQUIRE(gui.cli().run({"migrate"}).exitCode == 0);
    for (const auto& [lang, title, basic, contact] :
         {std::tuple<std::string, std::string, std::string, std::string>{"en", "New customer", "Basic information", "First contact"},
          {"zh_CN", "新建客户", "基本信息", "首要联系人"}}) {
        auto r = gui.run("customer-new-" + lang, {"--lang", lang, "--open", "record:contacts.customer:new"});
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
        REQUIRE(r.ui["dialogs"].size() == 1);
        const auto& dialog = r.ui["dialogs"][0];
        CHECK(dialog["title"] == title);
        CHECK(hasText(dialog["texts"], basic));
        CHECK(hasText(dialog["texts"], contact));
    }
}

TEST_CASE("the merge screen opens at the duplicates found, side by side", "[gui][contacts]") {
    TempDir home;
    Gui gui(home);
    auto csv = home / "duplicates.csv";
    std::ofstream(csv) << "name,category_id,mobile\n华信科技有限公司,normal,13800138000\n华信科技,normal,13900139000\n";
    auto imported = gui.cli().run({"record", "import", "contacts.customer", csv.string()});
    INFO(imported.err);
    REQUIRE(imported.exitCode == 0);
    for (const auto& [lang, title, kept] : {std::tuple<std::string, std::string, std::string>{"en", "Merge customers", "Kept customer"},
                                            {"zh_CN", "合并客户", "保留的客户"}}) {
        auto r = gui.run("customer-merge-" + lang, {"--lang", lang, "--open", "contacts.merge_customers"});
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
        REQUIRE(r.ui["dialogs"].size() == 1);
        const auto& dialog = r.ui["dialogs"][0];
        CHECK(dialog["title"] == title);
        CHECK(hasText(dialog["texts"], kept));
        CHECK(hasText(dialog["texts"], "华信科技有限公司"));  // the pickers and the name row
        CHECK(hasText(dialog["texts"], "华信科技"));
        CHECK(hasText(dialog["texts"], "13900139000"));
    }
}
