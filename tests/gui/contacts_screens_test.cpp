// The contacts plugin's screens in the real application: the customer list and the customer
// card, in Chinese, with screenshots.
#include "gui_runner.hpp"

#include <catch2/catch.hpp>

using namespace tiller::test;

namespace {

bool hasGroup(const nlohmann::json& texts, const std::string& wanted) {
    for (const auto& t : texts) {
        if (t.is_object() && t.contains("group") && t["group"] == wanted) return true;
        if (t.is_array() && hasGroup(t, wanted)) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("the customer list and card show the demo customers in Chinese", "[gui][contacts]") {
    TempDir home;
    Gui gui(home);
    REQUIRE(gui.cli().run({"demo", "--customers", "300"}).exitCode == 0);
    auto list = gui.run("customers-zh_CN", {"--lang", "zh_CN", "--open", "contacts.customers"});
    INFO(list.err);
    REQUIRE(list.exitCode == 0);
    CHECK(list.ui["current_tab"] == "客户列表");
    CHECK(list.ui["current_list_rows"] == 300);
    auto columns = list.ui["current_list_columns"];
    REQUIRE(columns.size() >= 9);
    CHECK(columns[1] == "客户名称");
    CHECK(columns[4] == "客户状态");

    // A customer opens in its 360° view, a tab whose Details page is the card.
    auto card = gui.run("customer-card-zh_CN", {"--lang", "zh_CN", "--open", "record:contacts.customer:1"});
    INFO(card.err);
    REQUIRE(card.exitCode == 0);
    CHECK(card.ui["dialogs"].empty());
    const auto& texts = card.ui["current_tab_texts"];
    for (const char* section : {"基本信息", "联系方式", "财务", "备注"}) CHECK(hasGroup(texts, section));
}
