// Approval flows edited by the administrator (FlowBook) on both engines: the flow in force,
// the rules a saved flow must follow, the audit trail, and approvals in progress.
#include "sales_office.hpp"

#include <tiller/approval/engine.hpp>
#include <tiller/approval/flow_book.hpp>
#include <tiller/data/records.hpp>
#include <tiller/identity/access.hpp>
#include <tiller/startup.hpp>

#include <catch2/catch.hpp>

using namespace tiller;
using namespace tiller::identity;

namespace {

// The sales office, with li from finance, and the shop plugin's discount flow (declaring its
// fields): department head, then the general manager.
struct Shop : test::SalesOffice {
    Shop() {
        add("li", "finance", sales, {});
        registry.setOwner("shop");
        registry.add(approval::parseFlow(R"(
id: shop.discount_approval
entity: shop.order
name: Special price approval
fields: {amount: number, currency: text}
steps:
  - name: Department head
    approver: {department_head: true}
  - name: General manager
    approver: {role: administrator}
on_approve: effective
on_reject: return
)", "discount.yaml"));
    }
    approval::FlowBook book(const std::string& login = "admin") {
        signIn(login);
        return approval::FlowBook(host, clock);
    }
    approval::Flow edited() const { return *registry.flow("shop.discount_approval"); }
};

std::string refusal(Shop& s, const approval::Flow& flow) {
    try {
        s.book().save("shop.discount_approval", flow, 0);
    } catch (const approval::FlowError& e) {
        return std::string(e.field()) + " | " + e.what();
    }
    return "accepted";
}

}  // namespace

TEST_CASE("an edited approval flow is in force until it is reset, and each change is audited", "[approval][flow]") {
    Shop s;
    auto plugin = s.book().find("shop.discount_approval");
    CHECK_FALSE(plugin.customised);
    CHECK(plugin.version == 0);
    CHECK(plugin.owner == "shop");

    auto flow = s.edited();
    flow.steps[1].when = {{"amount", ">", "1000"}};
    flow.steps.push_back({"Finance", approval::Step::Approver::user, "li", {}});
    flow.onReject = "abnormal";
    s.book().save("shop.discount_approval", flow, 0);

    auto saved = s.book("mei").find("shop.discount_approval");
    CHECK(saved.customised);
    CHECK(saved.version == 1);
    REQUIRE(saved.flow.steps.size() == 3);
    CHECK(approval::conditionText(saved.flow.steps[1].when) == "amount > 1000");
    CHECK(saved.flow.steps[2].who == "li");
    CHECK(saved.flow.onReject == "abnormal");
    CHECK(s.book().flows().at(0).customised);

    flow.name = "特价审批";
    s.book().save("shop.discount_approval", flow, 1);
    CHECK(s.book().find("shop.discount_approval").flow.name == "特价审批");
    CHECK_THROWS_AS(s.book().save("shop.discount_approval", flow, 1), Conflict);  // a stale editor

    s.book().reset("shop.discount_approval");
    auto back = s.book().find("shop.discount_approval");
    CHECK_FALSE(back.customised);
    CHECK(back.flow.steps.size() == 2);
    CHECK(back.flow.onReject == "return");

    // create, update, delete of the saved flow, each by the administrator
    auto trail = s.database->withSession([](soci::session& session) {
        std::vector<std::string> out;
        soci::rowset<soci::row> rows = (session.prepare << "SELECT action, changes FROM core_audit "
                                                           "WHERE entity = 'core.approval_flow' ORDER BY id");
        for (const auto& r : rows) out.push_back(r.get<std::string>(0) + " " + r.get<std::string>(1));
        return out;
    });
    REQUIRE(trail.size() == 3);
    CHECK_THAT(trail[0], Catch::StartsWith("create") && Catch::Contains("amount > 1000"));
    CHECK_THAT(trail[1], Catch::StartsWith("update") && Catch::Contains("特价审批"));
    CHECK_THAT(trail[2], Catch::StartsWith("delete") && Catch::Contains("shop.discount_approval"));
}

TEST_CASE("an edited approval flow is refused with a message for each broken rule", "[approval][flow]") {
    Shop s;
    auto unknownRole = s.edited();
    unknownRole.steps[1].who = "general_manager";
    CHECK(refusal(s, unknownRole) == "approver | approver: step 2 'General manager': there is no role 'general_manager'");

    auto unknownUser = s.edited();
    unknownUser.steps[0] = {"Cashier", approval::Step::Approver::user, "wang", {}};
    CHECK(refusal(s, unknownUser) == "approver | approver: step 1 'Cashier': there is no user 'wang'");

    UserDirectory(*s.database, s.clock, {}).setActive("li", false);
    auto disabledUser = s.edited();
    disabledUser.steps[0] = {"Finance", approval::Step::Approver::user, "li", {}};
    CHECK_THAT(refusal(s, disabledUser), Catch::Contains("step 1 'Finance': the user 'li' is disabled"));

    auto noSteps = s.edited();
    noSteps.steps.clear();
    CHECK(refusal(s, noSteps) == "steps | steps: a flow needs at least one step");

    auto notANumber = s.edited();
    notANumber.steps[1].when = {{"amount", ">", "a lot"}};
    CHECK_THAT(refusal(s, notANumber), Catch::Contains("step 2 'General manager': 'a lot' is not a number, and 'amount' is a number"));

    auto unknownField = s.edited();
    unknownField.steps[1].when = {{"discount", ">", "20"}};
    CHECK_THAT(refusal(s, unknownField), Catch::Contains("'discount' is not a field of this flow (amount, currency)"));

    auto badOperator = s.edited();
    badOperator.steps[1].when = {{"amount", "=>", "20"}};
    CHECK_THAT(refusal(s, badOperator), Catch::Contains("'=>' is not one of = != > >= < <="));

    auto quoted = s.edited();
    quoted.steps[1].when = {{"currency", "=", "it's"}};
    CHECK_THAT(refusal(s, quoted), Catch::Contains("cannot contain a quote"));

    auto unnamed = s.edited();
    unnamed.steps[0].name = " ";
    CHECK_THAT(refusal(s, unnamed), Catch::Contains("step 1 needs a name"));

    auto nobody = s.edited();
    nobody.steps[1].who = "";
    CHECK_THAT(refusal(s, nobody), Catch::Contains("step 2 'General manager': choose the role who approves"));

    auto otherEntity = s.edited();
    otherEntity.entity = "shop.invoice";
    CHECK(refusal(s, otherEntity) == "entity | entity: the flow approves 'shop.order' records; that cannot change");

    auto otherId = s.edited();
    otherId.id = "shop.other";
    CHECK_THAT(refusal(s, otherId), Catch::Contains("the id of the flow 'shop.discount_approval' cannot change"));

    auto otherFields = s.edited();
    otherFields.fields.pop_back();
    CHECK_THAT(refusal(s, otherFields), Catch::Contains("the fields are those the plugin submits (amount, currency)"));

    CHECK_FALSE(s.book().find("shop.discount_approval").customised);  // nothing was saved
    CHECK_THROWS_WITH(s.book().save("shop.unknown", s.edited(), 0), Catch::Contains("no installed plugin declares"));
}

TEST_CASE("only a person allowed to edit approval flows may save or reset one", "[approval][flow][security]") {
    Shop s;
    CHECK_THROWS_AS(s.book("mei").save("shop.discount_approval", s.edited(), 0), PermissionDenied);
    CHECK_THROWS_AS(s.book("boss").reset("shop.discount_approval"), PermissionDenied);
    CHECK_NOTHROW(s.book("admin").save("shop.discount_approval", s.edited(), 0));
}

TEST_CASE("new submissions follow the edited approval flow: a condition skips a step below the limit", "[approval][flow]") {
    Shop s;
    auto flow = s.edited();
    flow.steps[1].when = {{"amount", ">", "1000"}};
    s.book().save("shop.discount_approval", flow, 0);

    long long small = s.as("mei").submit("shop.discount_approval", 1, std::nullopt, {{"amount", "800"}});
    s.as("boss").approve(small, "");
    REQUIRE(s.finished.size() == 1);  // the general manager's step was skipped
    CHECK(s.finished[0].state == "effective");

    long long large = s.as("mei").submit("shop.discount_approval", 2, std::nullopt, {{"amount", "1500"}});
    s.as("boss").approve(large, "");
    CHECK(s.finished.size() == 1);
    auto waiting = s.as("admin").inbox();
    REQUIRE(waiting.size() == 1);
    CHECK(waiting[0].currentStepName == "General manager");
}

TEST_CASE("an approval in progress keeps the approval flow it started with", "[approval][flow]") {
    Shop s;
    long long started = s.as("mei").submit("shop.discount_approval", 3, std::nullopt, {{"amount", "500"}});

    // The administrator drops the general manager, hands the first step to finance and stops locking.
    auto flow = s.edited();
    flow.steps = {{"Finance", approval::Step::Approver::role, "finance", {}}};
    flow.lockRecord = false;
    s.book().save("shop.discount_approval", flow, 0);

    CHECK(s.as("mei").isLocked("shop.order", 3));  // the old flow locks it
    CHECK(s.as("li").inbox().empty());
    auto boss = s.as("boss").inbox();
    REQUIRE(boss.size() == 1);
    CHECK(boss[0].currentStepName == "Department head");
    s.as("boss").approve(started, "");
    CHECK(s.finished.empty());
    REQUIRE(s.as("admin").inbox().size() == 1);  // still two steps
    s.as("admin").approve(started, "");
    REQUIRE(s.finished.size() == 1);

    // a new submission follows the new flow
    long long fresh = s.as("mei").submit("shop.discount_approval", 4, std::nullopt, {{"amount", "500"}});
    CHECK_FALSE(s.as("mei").isLocked("shop.order", 4));
    CHECK(s.as("boss").inbox().empty());
    REQUIRE(s.as("li").inbox().size() == 1);
    s.as("li").approve(fresh, "");
    CHECK(s.finished.size() == 2);

    // resetting does not touch it either
    long long third = s.as("mei").submit("shop.discount_approval", 5, std::nullopt, {{"amount", "500"}});
    s.book().reset("shop.discount_approval");
    REQUIRE(s.as("li").inbox().size() == 1);
    CHECK(s.as("li").inbox()[0].id == third);
}

TEST_CASE("a plugin's approval flow naming a role that does not exist is refused at submission", "[approval][flow]") {
    Shop s;
    s.registry.setOwner("shop");
    s.registry.add(approval::parseFlow(R"(
id: shop.refund
entity: shop.refund
steps:
  - name: Regional director
    approver: {role: regional_director}
)", "refund.yaml"));
    CHECK_THROWS_WITH(s.as("mei").submit("shop.refund", 1, std::nullopt, {}),
                      Catch::Contains("the approval flow 'shop.refund' cannot be used: step 1 'Regional director': "
                                      "there is no role 'regional_director'"));
    CHECK_FALSE(s.as("mei").pendingFor("shop.refund", 1));
    // the administrator corrects it, and it works
    auto flow = *s.registry.flow("shop.refund");
    flow.steps[0].who = "finance";
    s.book().save("shop.refund", flow, 0);
    CHECK_NOTHROW(s.as("mei").submit("shop.refund", 1, std::nullopt, {}));
}
