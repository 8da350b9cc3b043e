// The public pool (SPEC §2.7) on SQLite and PostgreSQL: claiming, assigning and giving back
// customers and leads with their permissions, the pool visible whatever the data scope, and
// two people claiming one customer at the same moment.
#include "pool_shop.hpp"
#include "core/public_pool.hpp"

#include <tiller/data/records.hpp>
#include <tiller/record/pager.hpp>

#include <catch2/catch.hpp>

#include <barrier>
#include <thread>

using namespace contacts;
using contacts::test::kSales;
using contacts::test::PoolShop;

TEST_CASE("a salesperson claims a customer from the pool, and a second claim is refused naming who has it", "[contacts][pool]") {
    PoolShop shop;
    long long id = shop.customer("北京华信科技有限公司", std::nullopt);
    auto wang = shop.as(shop.wangId, kSales);
    auto li = shop.as(shop.liId, kSales);
    PublicPool(*wang, shop.clock).claim(kCustomerEntity, id);
    CHECK(shop.ownerOf("contacts_customer", id) == shop.wangId);
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_contact WHERE owner_id = " + std::to_string(shop.wangId)) == 1);
    CHECK(shop.count("SELECT assigned_at FROM contacts_customer WHERE id = " + std::to_string(id)) == shop.clock.nowMs());

    // 李娜 sees only her own customers: she hears who has it, not its name.
    CHECK_THROWS_WITH(PublicPool(*li, shop.clock).claim(kCustomerEntity, id),
                      "#" + std::to_string(id) + " is not in the pool: 王伟 has it");
    CHECK_THROWS_AS(PublicPool(*wang, shop.clock).claim(kCustomerEntity, id), tiller::Conflict);
    CHECK(shop.ownerOf("contacts_customer", id) == shop.wangId);

    // The history says who took it.
    auto history = shop.database->withSession(
        [&](soci::session& s) { return tiller::data::history(s, kCustomerEntity, id); });
    bool audited = false;
    for (const auto& entry : history)
        for (const auto& change : entry.changes)
            if (change.field == "owner_id" && change.after == std::to_string(shop.wangId) && entry.userId == shop.wangId) audited = true;
    CHECK(audited);

    auto visitor = shop.as(shop.liId, {"contacts.view"});
    long long other = shop.customer("上海恒通贸易有限公司", std::nullopt);
    CHECK_THROWS_AS(PublicPool(*visitor, shop.clock).claim(kCustomerEntity, other), tiller::PermissionDenied);
    CHECK_FALSE(shop.ownerOf("contacts_customer", other));
}

TEST_CASE("customers in the pool are seen by salespeople who see only their own, and the pool list shows only them", "[contacts][pool]") {
    PoolShop shop;
    long long pooled = shop.customer("广州宏达电子有限公司", std::nullopt);
    long long wangs = shop.customer("深圳金源贸易有限公司", shop.wangId);
    long long lis = shop.customer("杭州鑫盛机械厂", shop.liId);
    auto wang = shop.as(shop.wangId, kSales);
    auto store = std::make_shared<tiller::record::Store>(*wang, shop.clock);
    tiller::record::RecordPager customers(store, *shop.registry.list("contacts.customers"));
    CHECK(customers.count() == 2);  // his own and the pool's, not 李娜's
    tiller::record::RecordPager pool(store, *shop.registry.list("contacts.pool"));
    REQUIRE(pool.count() == 1);
    CHECK(pool.page(0, 10).ids == std::vector<long long>{pooled});
    CHECK(store->read(kCustomerEntity, pooled).id == pooled);
    CHECK_THROWS_AS(store->read(kCustomerEntity, lis), tiller::NotFound);
    CHECK_THROWS_WITH(PublicPool(*wang, shop.clock).claim(kCustomerEntity, lis), "#" + std::to_string(lis) + " is not in the pool: 李娜 has it");
    (void)wangs;
}

TEST_CASE("assigning needs contacts.assign, or contacts.pool for records in the pool", "[contacts][pool]") {
    PoolShop shop;
    long long pooled = shop.customer("成都博远科技有限公司", std::nullopt);
    long long owned = shop.customer("武汉安泰商贸行", shop.wangId);
    auto sales = shop.as(shop.liId, kSales);
    CHECK_THROWS_AS(PublicPool(*sales, shop.clock).assign(kCustomerEntity, pooled, shop.liId), tiller::PermissionDenied);

    auto poolAdmin = shop.as(shop.adminId, {"contacts.view", "contacts.pool"}, true);
    PublicPool(*poolAdmin, shop.clock).assign(kCustomerEntity, pooled, shop.liId);
    CHECK(shop.ownerOf("contacts_customer", pooled) == shop.liId);
    CHECK_THROWS_WITH(PublicPool(*poolAdmin, shop.clock).assign(kCustomerEntity, owned, shop.liId),
                      Catch::Contains("王伟") && Catch::Contains("only people who may assign"));
    CHECK(shop.ownerOf("contacts_customer", owned) == shop.wangId);

    auto manager = shop.as(shop.adminId, {"contacts.view", "contacts.assign"}, true);
    PublicPool(*manager, shop.clock).assign(kCustomerEntity, owned, shop.liId);
    CHECK(shop.ownerOf("contacts_customer", owned) == shop.liId);
    CHECK_THROWS_WITH(PublicPool(*manager, shop.clock).assign(kCustomerEntity, owned, 9999), Catch::Contains("no active user"));
}

TEST_CASE("people give their own records back to the pool, only a pool administrator moves others'", "[contacts][pool]") {
    PoolShop shop;
    long long wangs = shop.customer("南京瑞丰科技有限公司", shop.wangId);
    long long lis = shop.customer("苏州天成电子有限公司", shop.liId);
    auto wang = shop.as(shop.wangId, kSales, true);
    PublicPool(*wang, shop.clock).release(kCustomerEntity, wangs);
    CHECK_FALSE(shop.ownerOf("contacts_customer", wangs));
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_contact WHERE owner_id IS NULL") == 1);
    CHECK_THROWS_WITH(PublicPool(*wang, shop.clock).release(kCustomerEntity, wangs), Catch::Contains("in the pool already"));
    CHECK_THROWS_WITH(PublicPool(*wang, shop.clock).release(kCustomerEntity, lis), Catch::Contains("pool administrator"));
    auto admin = shop.as(shop.adminId, {"contacts.view", "contacts.pool"}, true);
    PublicPool(*admin, shop.clock).release(kCustomerEntity, lis);
    CHECK_FALSE(shop.ownerOf("contacts_customer", lis));
}

TEST_CASE("two people claiming one customer at the same moment: one gets it, the other is told who did", "[contacts][pool]") {
    PoolShop shop;
    std::vector<long long> ids;
    for (int i = 0; i < 8; ++i) ids.push_back(shop.customer("天津永利餐饮店 " + std::to_string(i), std::nullopt));
    auto wang = shop.as(shop.wangId, kSales);
    auto li = shop.as(shop.liId, kSales);
    for (long long id : ids) {
        std::barrier start(2);
        std::string wangError, liError;
        auto claim = [&](tiller::plugin::Host& host, std::string& error) {
            start.arrive_and_wait();
            try {
                PublicPool(host, shop.clock).claim(kCustomerEntity, id);
            } catch (const std::exception& e) {
                error = e.what();
            }
        };
        std::thread a(claim, std::ref(*wang), std::ref(wangError));
        std::thread b(claim, std::ref(*li), std::ref(liError));
        a.join();
        b.join();
        auto owner = shop.ownerOf("contacts_customer", id);
        REQUIRE(owner);
        INFO(wangError << " | " << liError);
        if (*owner == shop.wangId) {
            CHECK(wangError.empty());
            CHECK_THAT(liError, Catch::Contains("王伟"));
        } else {
            CHECK(liError.empty());
            CHECK_THAT(wangError, Catch::Contains("李娜"));
        }
    }
}

TEST_CASE("leads have a pool too: claimed, assigned and given back the same way", "[contacts][pool]") {
    PoolShop shop;
    auto wang = shop.as(shop.wangId, kSales);
    tiller::record::Store store(shop.system, shop.clock);
    long long lead = store.create(kLeadEntity, {{"name", "星辰软件"}, {"contact_name", "林晓"}, {"mobile", "17712345678"}});
    CHECK_FALSE(shop.ownerOf("contacts_lead", lead));
    auto result = PublicPool(*wang, shop.clock).claimAll(kLeadEntity, {lead, 4242});
    CHECK(result.done == 1);
    REQUIRE(result.refused.size() == 1);
    CHECK(result.refused[0].first == "#4242");
    CHECK(shop.ownerOf("contacts_lead", lead) == shop.wangId);
    PublicPool(*wang, shop.clock).release(kLeadEntity, lead);
    CHECK_FALSE(shop.ownerOf("contacts_lead", lead));
}
