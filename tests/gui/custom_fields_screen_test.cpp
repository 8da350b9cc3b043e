// Administration > Custom fields under Xvfb, in English and in Chinese: the greeting's custom
// fields as tiller-cli added them, and the dialog that adds one.
#include "gui_runner.hpp"

#include <catch2/catch.hpp>

using namespace tiller::test;
using nlohmann::json;

namespace {

bool contains(const json& texts, const json& wanted) {
    for (const auto& t : texts)
        if (t == wanted) return true;
    return false;
}

// The report-list rows among a screen's texts.
std::vector<json> rows(const json& texts) {
    std::vector<json> out;
    for (const auto& t : texts)
        if (t.is_array()) out.push_back(t);
    return out;
}

struct Shop {
    TempDir home;
    Gui gui{home};

    Shop() {
        auto add = [&](std::vector<std::string> args) {
            args.insert(args.begin(), {"fields", "add", "contacts.customer"});
            auto r = gui.cli().run(args);
            INFO(r.err);
            REQUIRE(r.exitCode == 0);
        };
        add({"wechat", "--type", "text", "--label", "WeChat", "--label-zh", "微信", "--group", "Contact", "--order", "2",
             "--searchable"});
        add({"level", "--type", "picklist", "--label", "Level", "--label-zh", "等级", "--dictionary", "hello.occasion",
             "--required"});
    }
};

}  // namespace

TEST_CASE("the custom fields screen lists a kind of record's fields in English and Chinese", "[gui][fields]") {
    Shop shop;
    auto en = shop.gui.run("custom-fields-en", {"--lang", "en", "--open", "fields.custom"});
    INFO(en.err);
    REQUIRE(en.exitCode == 0);
    CHECK(en.ui["current_tab"] == "Custom fields");
    auto texts = en.ui["current_tab_texts"];
    INFO(texts.dump(1));
    CHECK(contains(texts, {{"choice", "Customer"}}));
    CHECK(contains(texts, "Add..."));
    CHECK(contains(texts, "Edit..."));
    CHECK(rows(texts) == std::vector<json>{json::array({"level", "Level", "Picklist", "", "0", "Yes", "Yes", "No"}),
                                           json::array({"wechat", "WeChat", "Text", "Contact", "2", "Yes", "No", "Yes"})});

    auto zh = shop.gui.run("custom-fields-zh_CN", {"--lang", "zh_CN", "--open", "fields.custom"});
    INFO(zh.err);
    REQUIRE(zh.exitCode == 0);
    CHECK(zh.ui["current_tab"] == "自定义字段");
    auto zhTexts = zh.ui["current_tab_texts"];
    INFO(zhTexts.dump(1));
    CHECK(contains(zhTexts, {{"choice", "客户"}}));
    CHECK(contains(zhTexts, "添加..."));
    CHECK(rows(zhTexts) == std::vector<json>{json::array({"level", "等级", "下拉选项", "", "0", "是", "是", "否"}),
                                             json::array({"wechat", "微信", "文本", "Contact", "2", "是", "否", "是"})});
    // Beside the other administration screens.
    json administration;
    for (const auto& group : zh.ui["navigation"])
        if (group["label"] == "系统设置") administration = group;
    bool listed = false;
    for (const auto& item : administration["items"]) listed |= item["label"] == "自定义字段";
    CHECK(listed);
}

TEST_CASE("the add custom field dialog offers the types by their Chinese names", "[gui][fields]") {
    Shop shop;
    auto r = shop.gui.run("custom-field-add-zh_CN", {"--lang", "zh_CN", "--open", "fields.add"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    REQUIRE(r.ui["dialogs"].size() == 1);
    auto dialog = r.ui["dialogs"][0];
    INFO(dialog.dump(1));
    CHECK(dialog["title"] == "为客户添加自定义字段");
    auto texts = dialog["texts"];
    for (const char* label : {"名称", "类型", "显示名称（英文）", "显示名称（中文）", "分组", "顺序", "选项来自", "关联到"})
        CHECK(contains(texts, label));
    CHECK(contains(texts, {{"choice", "文本"}}));  // the first type, selected
    CHECK(contains(texts, {{"checkbox", "启用"}, {"checked", true}}));
    CHECK(contains(texts, {{"checkbox", "必填"}, {"checked", false}}));
    CHECK(contains(texts, {{"checkbox", "可搜索"}, {"checked", false}}));
    CHECK(contains(texts, "保存"));
}
