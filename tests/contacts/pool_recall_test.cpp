// Automatic recall to the public pool (SPEC §2.7) with a clock the test moves, on SQLite and
// PostgreSQL: what returns, what stays, the former owner's message, the audit, the setting,
// and the scheduled job that runs it.
#include "pool_shop.hpp"
#include "core/pool_recall.hpp"
#include "core/public_pool.hpp"

#include <tiller/data/records.hpp>
#include <tiller/jobs/scheduler.hpp>
#include <tiller/messages/message_box.hpp>

#include <catch2/catch.hpp>

using namespace contacts;
using contacts::test::kSales;
using contacts::test::PoolShop;

namespace {

constexpr long long kDayMinutes = 24 * 60;

void followUp(PoolShop& shop, const std::string& table, long long id) {
    shop.database->withSession([&](soci::session& s) {
        long long now = shop.clock.nowMs();
        s << "UPDATE " + table + " SET last_follow_up_at = :t WHERE id = :id", soci::use(now), soci::use(id);
    });
}

}  // namespace

TEST_CASE("customers and leads idle for the set days return to the pool and their owners are told", "[contacts][pool][recall]") {
    PoolShop shop;
    long long idle = shop.customer("北京华信科技有限公司", shop.wangId);
    long long followed = shop.customer("上海恒通贸易有限公司", shop.wangId);
    long long successful = shop.customer("广州宏达电子有限公司", shop.wangId, "successful");
    long long pooled = shop.customer("深圳金源贸易有限公司", std::nullopt);
    auto li = shop.as(shop.liId, kSales);
    tiller::record::Store store(*li, shop.clock);
    long long lead = store.create(kLeadEntity, {{"name", "蓝鲸物流"}, {"contact_name", "何丽"}});  // 李娜's

    shop.clock.advanceMinutes(20 * kDayMinutes);
    followUp(shop, "contacts_customer", followed);
    // 王伟 claims nothing new, but 李娜 gets the pool customer now: her clock starts today.
    PublicPool(*shop.as(shop.liId, kSales), shop.clock).claim(kCustomerEntity, pooled);
    shop.clock.advanceMinutes(11 * kDayMinutes);  // 31 days after the start

    PoolRecall recall(shop.system, shop.clock);
    CHECK(recall.days() == PoolRecall::kDefaultDays);
    auto dry = recall.run(true);
    CHECK(dry.recalled.size() == 2);
    CHECK(shop.ownerOf("contacts_customer", idle) == shop.wangId);  // a dry run changes nothing

    auto report = recall.run();
    REQUIRE(report.recalled.size() == 2);
    CHECK(report.recalled[0].entity == kCustomerEntity);
    CHECK(report.recalled[0].id == idle);
    CHECK(report.recalled[0].formerOwnerName == "王伟");
    CHECK(report.recalled[1].entity == kLeadEntity);
    CHECK(report.recalled[1].id == lead);
    CHECK_FALSE(shop.ownerOf("contacts_customer", idle));
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_contact WHERE owner_id IS NULL AND customer_id = " + std::to_string(idle)) == 1);
    CHECK_FALSE(shop.ownerOf("contacts_lead", lead));
    CHECK(shop.ownerOf("contacts_customer", followed) == shop.wangId);    // followed up 11 days ago
    CHECK(shop.ownerOf("contacts_customer", successful) == shop.wangId);  // a successful customer stays
    CHECK(shop.ownerOf("contacts_customer", pooled) == shop.liId);        // claimed 11 days ago

    // 王伟's message box says what went and why.
    auto wang = shop.as(shop.wangId, kSales);
    auto messages = tiller::messages::MessageBox(*wang, shop.clock).messages();
    REQUIRE(messages.size() == 1);
    CHECK_THAT(messages[0].title, Catch::Contains("北京华信科技有限公司"));
    CHECK_THAT(messages[0].body, Catch::Contains("30"));
    CHECK(messages[0].entity == kCustomerEntity);
    CHECK(messages[0].recordId == idle);
    CHECK(tiller::messages::MessageBox(*shop.as(shop.liId, kSales), shop.clock).messages().size() == 1);

    // The history shows the system took it back, and why.
    auto history = shop.database->withSession([&](soci::session& s) { return tiller::data::history(s, kCustomerEntity, idle); });
    bool recalled = false;
    for (const auto& entry : history)
        for (const auto& change : entry.changes)
            if (change.field == "recalled_to_pool" && change.before == "王伟" && !entry.userId) recalled = true;
    CHECK(recalled);

    CHECK(recall.run().recalled.empty());  // once only
}

TEST_CASE("the recall days are a setting: 0 turns the recall off, and only a pool administrator changes it", "[contacts][pool][recall]") {
    PoolShop shop;
    long long idle = shop.customer("成都博远科技有限公司", shop.wangId);
    shop.clock.advanceMinutes(100 * kDayMinutes);
    CHECK_THROWS_AS(PoolRecall(*shop.as(shop.wangId, kSales), shop.clock).setDays(0), tiller::PermissionDenied);
    auto administrator = shop.as(shop.adminId, {"contacts.pool"}, true);
    PoolRecall admin(*administrator, shop.clock);
    CHECK_THROWS_AS(admin.setDays(-1), tiller::ValidationError);
    admin.setDays(0);
    auto off = PoolRecall(shop.system, shop.clock).run();
    CHECK(off.days == 0);
    CHECK(off.recalled.empty());
    CHECK(shop.ownerOf("contacts_customer", idle) == shop.wangId);
    admin.setDays(120);
    CHECK(PoolRecall(shop.system, shop.clock).run().recalled.empty());
    shop.clock.advanceMinutes(21 * kDayMinutes);
    CHECK(PoolRecall(shop.system, shop.clock).run().recalled.size() == 1);
}

TEST_CASE("the recall job runs at the first check and again once its interval has passed", "[contacts][pool][recall]") {
    PoolShop shop;
    shop.customer("武汉安泰商贸行", shop.wangId);
    tiller::jobs::Scheduler scheduler;
    // Only the recall job's runs (other parts of the plugin may schedule jobs of their own).
    auto recallRuns = [&] {
        std::vector<tiller::jobs::JobRun> mine;
        for (auto& run : scheduler.runDue(shop.system, shop.clock))
            if (run.jobId == "contacts.pool_recall") mine.push_back(run);
        return mine;
    };
    auto runs = recallRuns();
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].summary.empty());  // nothing idle yet
    CHECK(runs[0].error.empty());
    shop.clock.advanceMinutes(31 * kDayMinutes);
    // 31 days passed, far beyond its hour: it runs and says what it did.
    runs = recallRuns();
    REQUIRE(runs.size() == 1);
    CHECK_THAT(runs[0].summary, Catch::StartsWith("1 "));
    shop.clock.advanceMinutes(30);
    CHECK(recallRuns().empty());  // not due again within the hour
    shop.clock.advanceMinutes(31);
    CHECK(recallRuns().size() == 1);
}
