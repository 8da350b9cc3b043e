// Administration > Approval flows under Xvfb, in English and in Chinese: hello's greeting
// review as the administrator changed it through tiller-cli, steps in order, the selected
// step's approver and conditions, and what approval and rejection do.
#include "gui_runner.hpp"

#include <catch2/catch.hpp>

#include <fstream>

namespace {
// The editor opens on the first flow the plugins declare; the contacts plugin's status-upgrade
// flows would come first, so these tests switch it off and look at hello's flow.
void onlyHelloFlows(const tiller::test::TempDir& home) {
    std::filesystem::create_directories(home.path() / "config" / "tiller");
    std::ofstream(home.path() / "config" / "tiller" / "plugins.yaml") << "disabled: [contacts]\n";
}
}  // namespace

using namespace tiller::test;
using nlohmann::json;

namespace {

bool contains(const json& texts, const json& wanted) {
    for (const auto& t : texts)
        if (t == wanted) return true;
    return false;
}

}  // namespace

TEST_CASE("the approval flow editor shows a flow's steps, approvers and outcomes in English and Chinese", "[gui][approval][flow]") {
    TempDir home;
    Gui gui(home);
    onlyHelloFlows(home);
    // A third step for finance above an amount, and rejections to the abnormal list.
    auto edited = home.path() / "review.yaml";
    std::ofstream(edited) << R"(id: hello.greeting_review
entity: hello.greeting
name: Greeting review
lock_record: true
steps:
  - name: Department head
    approver: {department_head: true}
    when: amount > 1000 and currency = 'CNY'
  - name: Administrator
    approver: {role: administrator}
  - name: 财务复核
    approver: {role: finance}
on_approve: approved
on_reject: abnormal
)";
    auto set = gui.cli().run({"approvals", "flow", "set", "hello.greeting_review", edited.string()});
    INFO(set.err);
    REQUIRE(set.exitCode == 0);

    auto en = gui.run("approval-flows-en", {"--lang", "en", "--open", "shell.approval_flows"});
    INFO(en.err);
    REQUIRE(en.exitCode == 0);
    CHECK(en.ui["current_tab"] == "Approval flows");
    auto texts = en.ui["current_tab_texts"];
    INFO(texts.dump(1));
    CHECK(contains(texts, {{"choice", "Greeting review  (hello.greeting_review)"}}));
    CHECK(contains(texts, "Changed by the administrator."));
    CHECK(contains(texts, json::array({"1", "Department head", "Department head of the submitter", "amount > 1000 and currency = 'CNY'"})));
    CHECK(contains(texts, json::array({"2", "Administrator", "Role: Administrator", "Always"})));
    CHECK(contains(texts, json::array({"3", "财务复核", "Role: Finance", "Always"})));
    // the first step is selected and shown with its conditions, one row each
    CHECK(contains(texts, {{"field", "Department head"}}));
    CHECK(contains(texts, {{"choice", "Department head of the submitter"}}));
    CHECK(contains(texts, {{"choice", ">"}}));
    CHECK(contains(texts, {{"field", "1000"}}));
    CHECK(contains(texts, {{"field", "CNY"}}));
    CHECK(contains(texts, {{"checkbox", "Lock the record while it waits for approval"}, {"checked", true}}));
    CHECK(contains(texts, {{"field", "approved"}}));
    CHECK(contains(texts, {{"choice", "Abnormal (to the abnormal list)"}}));
    for (const char* button : {"Add step", "Remove step", "Move up", "Move down", "Add condition", "Save", "Reset to the plugin's flow"})
        CHECK(contains(texts, button));
    CHECK(std::filesystem::file_size(en.screenshot) > 10000);

    auto zh = gui.run("approval-flows-zh_CN", {"--lang", "zh_CN", "--open", "shell.approval_flows"});
    INFO(zh.err);
    REQUIRE(zh.exitCode == 0);
    CHECK(zh.ui["current_tab"] == "审批流程");
    auto zhTexts = zh.ui["current_tab_texts"];
    INFO(zhTexts.dump(1));
    CHECK(contains(zhTexts, {{"choice", "问候审核  (hello.greeting_review)"}}));
    CHECK(contains(zhTexts, json::array({"1", "部门负责人", "提交人的部门负责人", "amount > 1000 and currency = 'CNY'"})));
    CHECK(contains(zhTexts, json::array({"2", "系统管理员", "角色: 系统管理员", "始终"})));
    CHECK(contains(zhTexts, {{"choice", "转为异常（进入异常列表）"}}));
    for (const char* text : {"审批节点（按顺序）", "审批人", "添加节点", "添加条件", "保存", "恢复插件默认流程", "已由管理员修改。"})
        CHECK(contains(zhTexts, text));
}

TEST_CASE("the approval flow editor is under Administration, as shipped until changed", "[gui][approval][flow]") {
    TempDir home;
    Gui gui(home);
    onlyHelloFlows(home);
    auto r = gui.run("approval-flows-shipped-zh_CN", {"--lang", "zh_CN", "--open", "shell.approval_flows"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    json administration;
    for (const auto& group : r.ui["navigation"])
        if (group["label"] == "系统设置") administration = group;
    REQUIRE(administration.is_object());
    CHECK(administration["items"].back()["label"] == "审批流程");
    auto texts = r.ui["current_tab_texts"];
    INFO(texts.dump(1));
    CHECK(contains(texts, "插件“问候”提供的默认流程。"));
    CHECK(contains(texts, json::array({"2", "系统管理员", "角色: 系统管理员", "始终"})));
    CHECK(contains(texts, {{"choice", "退回提交人"}}));
}
