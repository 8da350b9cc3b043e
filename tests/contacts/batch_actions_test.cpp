// Batch actions on a selection of customers (SPEC §2.11) on SQLite and PostgreSQL, run the way
// the list's buttons run them (the ListActions the plugin contributes): each record done or
// refused on its own, refusals named by the record's title, permissions checked; and deleting,
// which a plugin's hook may refuse and which takes the customer's contacts and addresses along.
#include "pool_shop.hpp"
#include "core/public_pool.hpp"

#include <tiller/data/records.hpp>
#include <tiller/plugin/list_actions.hpp>

#include <catch2/catch.hpp>

using namespace contacts;
using contacts::test::kSales;
using contacts::test::PoolShop;

namespace {

const tiller::plugin::ListAction& actionOf(PoolShop& shop, const std::string& id) {
    static std::vector<tiller::plugin::ListAction> kept;
    for (const auto& list : {"contacts.customers", "contacts.pool", "contacts.leads", "contacts.lead_pool"})
        for (auto& a : shop.registry.listActions(list))
            if (a.id == id) return kept.emplace_back(a);
    FAIL("no list action " << id);
    throw;
}

long long dictionaryId(PoolShop& shop, const std::string& kind, const std::string& code) {
    return shop.database->withSession([&](soci::session& s) {
        long long id = 0;
        s << "SELECT id FROM core_dictionary_value WHERE kind = :k AND code = :c", soci::use(kind), soci::use(code), soci::into(id);
        return id;
    });
}

// A stand-in for the tickets plugin: a customer whose name says it has tickets may not go.
void refuseCustomersWithTickets(PoolShop& shop) {
    shop.registry.setOwner("tickets_test");
    tiller::plugin::RecordHook hook;
    hook.id = "tickets_test.customers_with_tickets";
    hook.entity = kCustomerEntity;
    hook.refuseDelete = [](tiller::plugin::Host&, soci::session& s, long long id) -> std::optional<std::string> {
        std::string name;
        s << "SELECT name FROM contacts_customer WHERE id = :id", soci::use(id), soci::into(name);
        if (name.find("工单") == std::string::npos) return std::nullopt;
        return "it has 3 tickets";
    };
    shop.registry.add(hook);
}

}  // namespace

TEST_CASE("the customer list offers assign, move to pool and change category, the pool list offers claim", "[contacts][batch]") {
    PoolShop shop;
    std::vector<std::string> customers, pool;
    // (Other parts of the plugin add actions of their own: only these are checked.)
    auto ours = [](const std::string& id) { return id.find(".assign") != std::string::npos || id.find(".release") != std::string::npos ||
                                                   id.find(".category") != std::string::npos || id.find(".claim") != std::string::npos; };
    for (const auto& a : shop.registry.listActions("contacts.customers"))
        if (ours(a.id)) customers.push_back(a.id);
    for (const auto& a : shop.registry.listActions("contacts.pool"))
        if (ours(a.id)) pool.push_back(a.id);
    CHECK(customers == std::vector<std::string>{"contacts.customers.assign", "contacts.customers.release", "contacts.customers.category"});
    CHECK(pool == std::vector<std::string>{"contacts.pool.claim", "contacts.pool.assign"});
    CHECK(shop.registry.listActions("contacts.leads").front().id == "contacts.leads.convert");
}

TEST_CASE("batch assign gives every customer it may and names each refusal", "[contacts][batch]") {
    PoolShop shop;
    long long a = shop.customer("北京华信科技有限公司", shop.wangId), b = shop.customer("上海恒通贸易有限公司", std::nullopt),
              c = shop.customer("广州宏达电子有限公司", shop.liId);
    const auto& assign = actionOf(shop, "contacts.customers.assign");
    CHECK(assign.permission == "contacts.assign");
    CHECK(assign.input.kind == tiller::plugin::ListActionInput::Kind::user);

    auto sales = shop.as(shop.wangId, kSales);
    auto refused = assign.run(*sales, {a, b}, std::to_string(shop.liId));
    CHECK(refused.done == 0);
    REQUIRE(refused.refused.size() == 2);
    CHECK(refused.refused[0].first == "北京华信科技有限公司");
    CHECK_THAT(refused.refused[0].second, Catch::Contains("not allowed"));
    CHECK(shop.ownerOf("contacts_customer", a) == shop.wangId);

    auto manager = shop.as(shop.adminId, {"contacts.view", "contacts.assign"}, true);
    auto result = assign.run(*manager, {a, b, c}, std::to_string(shop.liId));
    CHECK(result.done == 2);
    REQUIRE(result.refused.size() == 1);
    CHECK(result.refused[0].first == "广州宏达电子有限公司");  // 李娜's already
    CHECK(shop.ownerOf("contacts_customer", a) == shop.liId);
    CHECK(shop.ownerOf("contacts_customer", b) == shop.liId);
    CHECK(tiller::plugin::describeResult(assign, result) ==
          "2 assigned, 1 refused: 广州宏达电子有限公司: 广州宏达电子有限公司 belongs to 李娜 already");
}

TEST_CASE("batch move to pool and change category, each customer on its own", "[contacts][batch]") {
    PoolShop shop;
    long long mine = shop.customer("南京瑞丰科技有限公司", shop.wangId), theirs = shop.customer("苏州天成电子有限公司", shop.liId);
    auto wang = shop.as(shop.wangId, kSales, true);
    auto moved = actionOf(shop, "contacts.customers.release").run(*wang, {mine, theirs}, "");
    CHECK(moved.done == 1);
    REQUIRE(moved.refused.size() == 1);
    CHECK(moved.refused[0].first == "苏州天成电子有限公司");
    CHECK_FALSE(shop.ownerOf("contacts_customer", mine));
    CHECK(shop.ownerOf("contacts_customer", theirs) == shop.liId);

    long long key = dictionaryId(shop, "contacts.category", "key");
    const auto& category = actionOf(shop, "contacts.customers.category");
    auto reader = shop.as(shop.wangId, {"contacts.view"}, true);
    auto denied = category.run(*reader, {mine, theirs}, std::to_string(key));
    CHECK(denied.done == 0);
    CHECK(denied.refused.size() == 2);
    auto changed = category.run(*wang, {mine, theirs}, std::to_string(key));
    CHECK(changed.done == 2);
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_customer WHERE category_id = " + std::to_string(key)) == 2);
}

TEST_CASE("deleting a customer a plugin's hook refuses keeps it, others go with their contacts and addresses", "[contacts][batch]") {
    PoolShop shop;
    refuseCustomersWithTickets(shop);
    long long kept = shop.customer("有工单的客户", shop.wangId), gone = shop.customer("西安永利餐饮店", shop.wangId);
    tiller::record::Store system(shop.system, shop.clock);
    system.create("contacts.address", {{"customer_id", std::to_string(gone)}, {"address", "西安市雁塔区科技路 1 号"}});
    system.create("contacts.address", {{"customer_id", std::to_string(kept)}, {"address", "北京市海淀区中关村大街 1 号"}});

    auto wang = shop.as(shop.wangId, kSales, true);
    tiller::record::Store store(*wang, shop.clock);
    CHECK_THROWS_AS(store.remove(kCustomerEntity, gone), tiller::PermissionDenied);  // contacts.delete

    auto clerk = shop.as(shop.wangId, {"contacts.view", "contacts.edit", "contacts.delete"}, true);
    tiller::record::Store deleting(*clerk, shop.clock);
    CHECK_THROWS_WITH(deleting.remove(kCustomerEntity, kept), Catch::Contains("有工单的客户") && Catch::Contains("it has 3 tickets"));
    auto result = tiller::plugin::eachRecord(
        {kept, gone}, [&](long long id) { return deleting.recordTitle(kCustomerEntity, id); },
        [&](long long id) { deleting.remove(kCustomerEntity, id); });
    CHECK(result.done == 1);
    REQUIRE(result.refused.size() == 1);
    CHECK(result.refused[0].first == "有工单的客户");

    auto where = [](long long id) { return " WHERE customer_id = " + std::to_string(id); };
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_customer WHERE id = " + std::to_string(gone)) == 0);
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_contact" + where(gone)) == 0);
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_address" + where(gone)) == 0);
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_contact" + where(kept)) == 1);
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_address" + where(kept)) == 1);
    // The contact's delete is in the audit trail like the customer's.
    CHECK(shop.count("SELECT COUNT(*) FROM core_audit WHERE entity = 'contacts.contact' AND action = 'delete'") == 1);
}
