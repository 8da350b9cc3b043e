// The approval engine on both engines: steps, approvers, conditions, locking, history, inbox.
#include "sales_office.hpp"

#include <tiller/approval/engine.hpp>
#include <tiller/identity/access.hpp>
#include <tiller/startup.hpp>

#include <catch2/catch.hpp>

using namespace tiller;
using namespace tiller::identity;

namespace {

// The sales office, with the shop plugin's discount flow: the department head, then the
// general manager above a discount of 20.
struct Office : test::SalesOffice {
    Office() {
        registry.setOwner("shop");
        registry.add(approval::parseFlow(R"(
id: shop.discount_approval
entity: shop.order
steps:
  - name: Department head
    approver: {department_head: true}
  - name: General manager
    approver: {role: administrator}
    when: discount > 20
on_approve: effective
on_reject: return
)", "discount.yaml"));
    }
};

}  // namespace

TEST_CASE("a small discount needs only the department head", "[approval]") {
    Office o;
    long long id = o.as("mei").submit("shop.discount_approval", 7, std::nullopt, {{"discount", "10"}});
    CHECK(o.as("mei").isLocked("shop.order", 7));
    CHECK(o.as("mei").inbox().empty());
    auto waiting = o.as("boss").inbox();
    REQUIRE(waiting.size() == 1);
    CHECK(waiting[0].id == id);
    CHECK(waiting[0].currentStepName == "Department head");
    o.as("boss").approve(id, "好的");
    CHECK_FALSE(o.as("mei").isLocked("shop.order", 7));
    REQUIRE(o.finished.size() == 1);
    CHECK(o.finished[0].state == "effective");
    auto history = o.as("mei").history("shop.order", 7);
    REQUIRE(history.size() == 2);
    CHECK(history[0].action == "submit");
    CHECK(history[0].actorName == "mei");
    CHECK(history[1].action == "approve");
    CHECK(history[1].comment == "好的");
}

TEST_CASE("a large discount also needs the general manager, and only approvers may act", "[approval][security]") {
    Office o;
    long long id = o.as("mei").submit("shop.discount_approval", 8, std::nullopt, {{"discount", "35"}});
    CHECK_THROWS_AS(o.as("mei").approve(id, "approving my own"), PermissionDenied);
    CHECK_THROWS_AS(o.as("admin").approve(id, "too early"), PermissionDenied);  // not his step yet
    o.as("boss").approve(id, "");
    CHECK(o.finished.empty());
    CHECK(o.as("admin").inbox().size() == 1);
    o.as("admin").approve(id, "");
    REQUIRE(o.finished.size() == 1);
    CHECK(o.finished[0].state == "effective");
    CHECK_THROWS_WITH(o.as("admin").approve(id, ""), Catch::Contains("already approved"));
}

TEST_CASE("a rejection returns the record to the submitter and it can be sent again", "[approval]") {
    Office o;
    long long id = o.as("mei").submit("shop.discount_approval", 9, std::nullopt, {{"discount", "5"}});
    CHECK_THROWS_WITH(o.as("mei").submit("shop.discount_approval", 9, std::nullopt, {}), Catch::Contains("already waiting"));
    o.as("boss").reject(id, "价格太低");
    REQUIRE(o.finished.size() == 1);
    CHECK(o.finished[0].state == "returned");
    CHECK_FALSE(o.as("mei").isLocked("shop.order", 9));
    CHECK_NOTHROW(o.as("mei").submit("shop.discount_approval", 9, std::nullopt, {{"discount", "5"}}));
    CHECK_THROWS_WITH(o.as("mei").submit("shop.unknown", 1, std::nullopt, {}), Catch::Contains("no installed plugin declares"));
}
