// Customer value (SPEC §2.3, §2.5, §2.6, §2.13) with the contacts plugin's own declarations,
// migrations and approval flows, on SQLite and PostgreSQL: status upgrades through a real
// approval run (mei asks, the administrator approves), value assessment, credit flags with a
// test exposure source, VIP tiers and birthday reminders with a clock the tests move.
#include "contacts_setup.hpp"
#include "core/birthday_reminders.hpp"
#include "core/contacts_contributions.hpp"
#include "core/credit_limits.hpp"
#include "core/holiday_reminders.hpp"
#include "core/customer_book.hpp"
#include "core/customer_merger.hpp"
#include "core/customer_money.hpp"
#include "core/local_dates.hpp"
#include "core/status_upgrades.hpp"
#include "core/value_assessment.hpp"
#include "core/value_contributions.hpp"
#include "core/vip_tiers.hpp"

#include "../db/sales_office.hpp"

#include <tiller/approval/engine.hpp>
#include <tiller/calendar/working_calendar.hpp>
#include <tiller/data/records.hpp>
#include <tiller/dictionary/dictionary.hpp>
#include <tiller/identity/people.hpp>
#include <tiller/messages/message_box.hpp>
#include <tiller/messages/reminders.hpp>
#include <tiller/migrations/migrator.hpp>
#include <tiller/record/store.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>

using namespace tiller;
using contacts::Status;

namespace {

constexpr long long kDay = 24LL * 3600 * 1000;

// Purchases or contract amounts another plugin would report: (customer, amount in fen, when).
struct Ledger {
    struct Entry {
        long long customer, amount, at;
    };
    std::vector<Entry> entries;
    contacts::AmountSource source() {
        return [this](plugin::Host&, long long from, long long to, std::optional<long long> customer) {
            std::map<long long, contacts::CustomerAmount> sums;
            for (const auto& e : entries) {
                if (e.at < from || e.at >= to || (customer && e.customer != *customer)) continue;
                auto& s = sums[e.customer];
                s.customerId = e.customer;
                s.total += e.amount;
                s.largest = std::max(s.largest, e.amount);
            }
            std::vector<contacts::CustomerAmount> out;
            for (const auto& [id, s] : sums) out.push_back(s);
            return out;
        };
    }
};

// The sales office of the approval tests with the contacts plugin in it.
struct ValueShop : test::SalesOffice {
    plugin::EventBus::Subscription upgrades;

    ValueShop() {
        contacts::test::installContacts(registry, host, clock, {.flows = true});
        identity::RoleBook(*database, clock, {}).setPermissions("sales", {"contacts.view", "contacts.edit"});
        upgrades = contacts::StatusUpgrades::follow(host, clock);
    }

    // A customer of mei's (she adds it), of the given type, at the given status.
    long long customer(const std::string& name, const std::string& type = "customer", const std::string& status = "basic") {
        signIn("mei");
        long long id = contacts::CustomerBook(host, clock)
                           .add({{{"name", name}, {"category_id", "normal"}, {"type_id", type}, {"mobile", "13800138000"}},
                                 {{"name", "王伟"}, {"gender", "男"}}})
                           .first;
        database->withSession([&](soci::session& s) {
            s << "UPDATE contacts_customer SET status = :s WHERE id = :id", soci::use(status), soci::use(id);
        });
        return id;
    }
    std::string status(long long customer) {
        return database->withSession([&](soci::session& s) {
            std::string st;
            s << "SELECT status FROM contacts_customer WHERE id = :id", soci::use(customer), soci::into(st);
            return st;
        });
    }
    contacts::StatusUpgrades upgradesAs(const std::string& login) {
        signIn(login);
        return contacts::StatusUpgrades(host, clock);
    }
    std::shared_ptr<contacts::CustomerMoney> money() { return host.service<contacts::CustomerMoney>(); }
    long long count(const std::string& sql) {
        return database->withSession([&](soci::session& s) {
            long long n = 0;
            s << sql, soci::into(n);
            return n;
        });
    }
};

const data::FieldChange* changeOf(const std::vector<data::AuditEntry>& history, const std::string& field) {
    for (auto it = history.rbegin(); it != history.rend(); ++it)
        for (const auto& c : it->changes)
            if (c.field == field) return &c;
    return nullptr;
}

std::vector<data::AuditEntry> historyOf(ValueShop& shop, long long customer) {
    return shop.database->withSession([&](soci::session& s) { return data::history(s, "contacts.customer", customer); });
}

}  // namespace

TEST_CASE("a status upgrade goes through the approval flow of the customer's type and applies when approved",
          "[contacts][value][approval]") {
    ValueShop shop;
    long long supplier = shop.customer("华信五金供应", "supplier");
    long long request = shop.upgradesAs("mei").request(supplier, Status::potential);
    CHECK(shop.status(supplier) == "basic");  // nothing changes before the approval

    auto pending = shop.as("mei").pendingFor("contacts.customer", supplier);
    REQUIRE(pending);
    CHECK(pending->flowId == "contacts.upgrade.supplier");
    CHECK(pending->fields["to_status"] == "potential");
    CHECK(pending->fields["from_status"] == "basic");
    CHECK(pending->fields["to_rank"] == "2");
    CHECK(shop.as("mei").inbox().empty());  // mei cannot approve her own request
    auto waiting = shop.as("admin").inbox();
    REQUIRE(waiting.size() == 1);
    CHECK(waiting[0].currentStepName == "Manager approval");

    shop.as("admin").approve(waiting[0].id, "第一次询价，可以升级");
    CHECK(shop.status(supplier) == "potential");
    auto requests = shop.upgradesAs("mei").requests(supplier);
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].id == request);
    CHECK(requests[0].state == "applied");
    auto* change = changeOf(historyOf(shop, supplier), "status");
    REQUIRE(change);
    CHECK(change->before == "basic");
    CHECK(change->after == "potential");
    CHECK(historyOf(shop, supplier).back().userName == "Administrator");  // audited as the approver

    // A customer of a type users added follows the default flow.
    CHECK(contacts::StatusUpgrades::flowFor(shop.registry, "wholesaler") == "contacts.upgrade");
    CHECK(contacts::StatusUpgrades::flowFor(shop.registry, "agent") == "contacts.upgrade.agent");
    CHECK(contacts::StatusUpgrades::flowFor(shop.registry, "") == "contacts.upgrade");
}

TEST_CASE("a rejected upgrade leaves the status, and the customer can be sent again", "[contacts][value][approval]") {
    ValueShop shop;
    long long id = shop.customer("北京华信科技有限公司");
    shop.upgradesAs("mei").request(id, Status::potential);
    auto waiting = shop.as("admin").inbox();
    REQUIRE(waiting.size() == 1);
    shop.as("admin").reject(waiting[0].id, "还没有联系过");
    CHECK(shop.status(id) == "basic");
    CHECK(shop.upgradesAs("mei").requests(id).at(0).state == "rejected");
    CHECK_NOTHROW(shop.upgradesAs("mei").requestNext(id));
    CHECK(shop.upgradesAs("mei").requests(id).at(0).state == "pending");
}

TEST_CASE("upgrades go up one rung at a time, never for a frozen customer, never twice at once",
          "[contacts][value][approval]") {
    ValueShop shop;
    long long basic = shop.customer("基本客户");
    auto mei = shop.upgradesAs("mei");
    CHECK_THROWS_WITH(mei.request(basic, Status::typical),
                      Catch::Contains("one status at a time: after basic comes potential"));
    CHECK_THROWS_WITH(mei.request(basic, Status::basic), Catch::Contains("must go up the ladder"));
    CHECK_THROWS_WITH(mei.request(basic, Status::invalid), Catch::Contains("must go up the ladder"));

    long long frozen = shop.customer("冻结客户", "customer", "successful");
    contacts::CustomerBook(shop.host, shop.clock).freeze(frozen);
    CHECK_THROWS_WITH(shop.upgradesAs("mei").request(frozen, Status::pilot), Catch::Contains("frozen customer cannot be upgraded"));

    long long typical = shop.customer("典型客户", "customer", "typical");
    CHECK_THROWS_WITH(shop.upgradesAs("mei").requestNext(typical), Catch::Contains("top of the ladder"));

    shop.upgradesAs("mei").request(basic, Status::potential);
    CHECK_THROWS_WITH(shop.upgradesAs("mei").request(basic, Status::potential), Catch::Contains("already waiting for approval"));
    CHECK(shop.count("SELECT COUNT(*) FROM core_approval_instance") == 1);  // the refusals sent nothing
}

TEST_CASE("an upgrade approved after the customer was frozen changes nothing and says why", "[contacts][value][approval]") {
    ValueShop shop;
    long long id = shop.customer("试点候选", "distributor", "potential");
    shop.upgradesAs("mei").request(id, Status::successful);
    contacts::CustomerBook(shop.host, shop.clock).freeze(id);
    shop.as("admin").approve(shop.as("admin").inbox().at(0).id, "");
    CHECK(shop.status(id) == "potential");
    auto request = shop.upgradesAs("mei").requests(id).at(0);
    CHECK(request.state == "void");
    CHECK(request.note == "the customer was frozen before the approval finished");
}

TEST_CASE("an approval finished while contacts was not listening is settled later", "[contacts][value][approval]") {
    ValueShop shop;
    long long id = shop.customer("另一台电脑批准");
    shop.upgradesAs("mei").request(id, Status::potential);
    shop.upgrades.reset();  // as if the approval happened where the contacts plugin was not running
    shop.as("admin").approve(shop.as("admin").inbox().at(0).id, "");
    CHECK(shop.status(id) == "basic");
    CHECK(contacts::StatusUpgrades(shop.host, shop.clock).settle() == 1);
    CHECK(shop.status(id) == "potential");
    CHECK(contacts::StatusUpgrades(shop.host, shop.clock).settle() == 0);  // once only
}

TEST_CASE("assessment weights must add up to 100: more is refused, less is saved with a warning",
          "[contacts][value][assessment]") {
    ValueShop shop;
    shop.signIn("admin");
    contacts::ValueAssessment assessment(shop.host, shop.clock);
    CHECK_THROWS_WITH(assessment.saveItems({{0, "年采购额", 60, "", 0}, {0, "合作年限", 50, "", 0}}),
                      Catch::Contains("the weights add up to 110, more than 100"));
    CHECK(assessment.items().empty());  // nothing saved

    auto saved = assessment.saveItems({{0, "年采购额", 50, "100: 100万以上; 50: 10万以上", 0}, {0, "合作年限", 30, "", 0}});
    CHECK(saved.totalWeight == 80);
    CHECK(saved.warning == "the weights add up to 80, less than 100: the values cannot reach 100");
    auto items = assessment.items();
    REQUIRE(items.size() == 2);
    CHECK(items[0].name == "年采购额");
    CHECK(items[0].standard == "100: 100万以上; 50: 10万以上");

    items.push_back({0, "信誉", 20, "", 0});
    CHECK(assessment.saveItems(items).warning.empty());
    auto before = assessment.items();
    auto changed = before;
    changed[0].weight = 40;
    changed[1].weight = 40;
    assessment.saveItems(changed);
    CHECK_THROWS_AS(assessment.saveItems(before), Conflict);  // read before the last save: stale
    CHECK_THROWS_WITH(assessment.saveItems({{0, "  ", 10, "", 0}}), Catch::Contains("give the item a name"));
    CHECK_THROWS_WITH(assessment.saveItems({{0, "A", 10, "", 0}, {0, "A", 10, "", 0}}), Catch::Contains("two items named 'A'"));
    CHECK_THROWS_WITH(assessment.saveItems({{0, "A", 101, "", 0}}), Catch::Contains("between 0 and 100"));

    shop.signIn("mei");
    CHECK_THROWS_AS(contacts::ValueAssessment(shop.host, shop.clock).saveItems({}), PermissionDenied);
}

TEST_CASE("a customer's value is the weighted sum of its scores, and every score is audited",
          "[contacts][value][assessment]") {
    ValueShop shop;
    long long id = shop.customer("评估客户");
    shop.signIn("admin");
    contacts::ValueAssessment(shop.host, shop.clock).saveItems({{0, "年采购额", 50, "", 0}, {0, "合作年限", 30, "", 0},
                                                                {0, "信誉", 20, "", 0}});
    shop.signIn("mei");
    contacts::ValueAssessment assessment(shop.host, shop.clock);
    CHECK_FALSE(assessment.value(id).value);  // nothing scored yet
    auto items = assessment.items();
    assessment.score(id, {{items[0].id, 80}, {items[1].id, 50}});
    auto value = assessment.value(id);
    REQUIRE(value.value);
    CHECK(*value.value == Approx(0.5 * 80 + 0.3 * 50));  // the unscored item counts 0
    CHECK(value.totalWeight == 100);
    assessment.score(id, {{items[2].id, 100}, {items[0].id, 90}});
    CHECK(*assessment.value(id).value == Approx(0.5 * 90 + 0.3 * 50 + 0.2 * 100));
    auto* change = changeOf(historyOf(shop, id), "assessment: 年采购额");
    REQUIRE(change);
    CHECK(change->before == "80");
    CHECK(change->after == "90");
    CHECK_THROWS_WITH(assessment.score(id, {{items[0].id, 101}}), Catch::Contains("between 0 and 100"));

    // Removing an item takes its scores with it.
    shop.signIn("admin");
    contacts::ValueAssessment admin(shop.host, shop.clock);
    admin.saveItems({admin.items()[0], admin.items()[1]});
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_assessment_score") == 2);
}

TEST_CASE("credit periods follow the company's calendar", "[contacts][value][credit]") {
    // 2027-01-15 08:00 UTC is 16:00 in Beijing; 2026-12-31 20:00 UTC is already 2027 there.
    using contacts::CreditLimits;
    using contacts::CreditPeriod;
    auto at = [](int y, unsigned m, unsigned d) {
        return contacts::localMidnight(std::chrono::year_month_day{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)},
                                       480);
    };
    long long now = 1'800'000'000'000LL;
    CHECK(CreditLimits::periodAround(now, CreditPeriod::month, 480) == std::pair{at(2027, 1, 1), at(2027, 2, 1)});
    CHECK(CreditLimits::periodAround(now, CreditPeriod::quarter, 480) == std::pair{at(2027, 1, 1), at(2027, 4, 1)});
    CHECK(CreditLimits::periodAround(now, CreditPeriod::year, 480) == std::pair{at(2027, 1, 1), at(2028, 1, 1)});
    long long newYearsEve = at(2027, 1, 1) - 4 * 3600 * 1000LL + 8 * 3600 * 1000LL;  // 2026-12-31 20:00 UTC
    CHECK(CreditLimits::periodAround(newYearsEve, CreditPeriod::quarter, 480).first == at(2027, 1, 1));
    CHECK(CreditLimits::periodAround(at(2027, 8, 20), CreditPeriod::quarter, 480) == std::pair{at(2027, 7, 1), at(2027, 10, 1)});
}

TEST_CASE("customers owing more than their credit limit in the period are flagged red to their manager",
          "[contacts][value][credit]") {
    ValueShop shop;
    long long own = shop.customer("自有额度"), byDefault = shop.customer("默认额度"), within = shop.customer("额度以内");
    shop.database->withSession([&](soci::session& s) {
        s << "UPDATE contacts_customer SET credit_limit = 5000000 WHERE id = :id", soci::use(own);  // ¥50,000
    });
    shop.signIn("admin");
    contacts::CreditLimits credit(shop.host, shop.clock);
    credit.setPolicy({contacts::CreditPeriod::month, 1000000});  // ¥10,000 a month by default
    CHECK(credit.review() == 0);  // no plugin reports exposure yet: nobody is over

    Ledger contracts;
    long long now = shop.clock.nowMs();
    contracts.entries = {{own, 6000000, now - kDay},       {byDefault, 1500000, now - kDay},
                         {within, 800000, now - kDay},      {within, 900000, now - 40 * kDay},  // last month
                         {own, 100, now + 40 * kDay}};
    shop.money()->addExposureSource("contracts", contracts.source());
    CHECK(credit.review() == 2);
    auto standing = credit.standing(own);
    CHECK(standing.limit == 5000000);
    CHECK(standing.exposure == 6000000);
    CHECK(standing.over());
    CHECK_FALSE(credit.standing(within).over());
    CHECK(credit.standing(within).limit == 1000000);

    long long mei = 0, boss = 0;
    shop.database->withSession([&](soci::session& s) {
        s << "SELECT id FROM core_user WHERE login = 'mei'", soci::into(mei);
        s << "SELECT id FROM core_user WHERE login = 'boss'", soci::into(boss);
    });
    auto red = credit.flaggedFor(mei, {own, byDefault, within});
    std::sort(red.begin(), red.end());
    CHECK(red == std::vector<long long>{own, byDefault});
    CHECK(credit.flaggedFor(boss, {own, byDefault, within}).empty());  // not their manager

    // The list's highlight is the same rule, for the signed-in person.
    auto highlights = shop.registry.listHighlights("contacts.customers");
    REQUIRE(highlights.size() == 1);
    shop.signIn("mei");
    CHECK(highlights[0].rows(shop.host, {own, within}) == std::vector<long long>{own});

    // Paid down below the limit: the next review clears the flag.
    contracts.entries.erase(contracts.entries.begin());
    CHECK(credit.review() == 1);
    CHECK(credit.flaggedFor(mei, {own}).empty());
}

TEST_CASE("a VIP tier is reached by one purchase or by cumulative spend", "[contacts][value][vip]") {
    ValueShop shop;
    long long big = shop.customer("一次大单"), steady = shop.customer("常客"), small = shop.customer("小客户");
    shop.signIn("admin");
    contacts::VipProgram vip(shop.host, shop.clock);
    vip.saveTiers({{0, "银卡", 300000, 500000, 100000, 0}, {0, "金卡", 1000000, 2000000, 500000, 0}});
    Ledger orders;
    long long now = shop.clock.nowMs();
    orders.entries = {{big, 1200000, now - kDay},  // one purchase of ¥12,000: gold
                      {steady, 200000, now - 90 * kDay}, {steady, 200000, now - 60 * kDay},
                      {steady, 200000, now - 30 * kDay},  // ¥6,000 in all: silver
                      {small, 100000, now - kDay}};
    shop.money()->addPurchaseSource("orders", orders.source());
    auto changes = vip.review();
    REQUIRE(changes.size() == 2);
    CHECK(vip.tierOf(big).tier->name == "金卡");
    CHECK(vip.tierOf(steady).tier->name == "银卡");
    CHECK_FALSE(vip.tierOf(small).tier);
    auto* change = changeOf(historyOf(shop, steady), "vip_tier");
    REQUIRE(change);
    CHECK(change->before.empty());
    CHECK(change->after == "银卡");
    CHECK(vip.review().empty());  // nothing new

    CHECK_THROWS_AS(vip.saveTiers({vip.tiers()[1]}), Conflict);  // silver is held
    CHECK_THROWS_WITH(vip.saveTiers({{0, "铜卡", std::nullopt, std::nullopt, 0, 0}}), Catch::Contains("reaches it"));
}

TEST_CASE("a VIP keeps its tier by spending the yearly minimum and drops without it", "[contacts][value][vip]") {
    ValueShop shop;
    long long loyal = shop.customer("忠实客户"), lapsed = shop.customer("流失客户");
    shop.signIn("admin");
    contacts::VipProgram vip(shop.host, shop.clock);
    vip.saveTiers({{0, "银卡", std::nullopt, 500000, 100000, 0}, {0, "金卡", std::nullopt, 2000000, 500000, 0}});
    Ledger orders;
    long long start = shop.clock.nowMs();
    orders.entries = {{loyal, 2500000, start - kDay}, {lapsed, 2500000, start - kDay}};
    shop.money()->addPurchaseSource("orders", orders.source());
    vip.review();
    REQUIRE(vip.tierOf(lapsed).tier->name == "金卡");

    // In the year after: loyal spends ¥6,000 (enough for gold), lapsed ¥2,000 (only silver's minimum).
    orders.entries.push_back({loyal, 600000, start + 100 * kDay});
    orders.entries.push_back({lapsed, 200000, start + 100 * kDay});
    shop.clock.advanceMinutes(364 * 24 * 60);
    CHECK(vip.review().empty());  // not a year yet
    shop.clock.advanceMinutes(2 * 24 * 60);
    auto changes = vip.review();
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].customerId == lapsed);
    CHECK(changes[0].from == "金卡");
    CHECK(changes[0].to == "银卡");
    CHECK_THAT(changes[0].reason, Catch::Contains("keeping 金卡 needs 5,000.00 a year"));
    CHECK(vip.tierOf(loyal).tier->name == "金卡");
    // The all-time spend does not lift lapsed straight back: only purchases after the drop count.
    CHECK(vip.review().empty());
    CHECK(vip.tierOf(lapsed).tier->name == "银卡");

    // A year with nothing bought: ¥0 meets no tier's minimum, so both leave the tiers.
    shop.clock.advanceMinutes(366 * 24 * 60);
    auto out = vip.review();
    REQUIRE(out.size() == 2);
    CHECK_FALSE(vip.tierOf(lapsed).tier);
    CHECK_FALSE(vip.tierOf(loyal).tier);
}

TEST_CASE("a birthday reminds the owner days before, exactly once a year", "[contacts][value][birthday]") {
    ValueShop shop;
    // The clock says 2027-01-15 16:00 in Beijing; 王伟's birthday is 18 January.
    long long customer = shop.customer("生日客户");
    long long contact = shop.count("SELECT MAX(id) FROM contacts_contact");
    shop.database->withSession([&](soci::session& s) {
        s << "UPDATE contacts_contact SET birthday = '1985-01-18' WHERE id = :id", soci::use(contact);
    });
    (void)customer;
    shop.signIn("admin");
    contacts::BirthdayReminders birthdays(shop.host, shop.clock);
    birthdays.setLeadDays(2);
    CHECK(birthdays.run() == 0);  // three days ahead: not yet
    shop.clock.advanceMinutes(24 * 60);
    CHECK(birthdays.run() == 1);
    CHECK(birthdays.run() == 0);  // once
    shop.clock.advanceMinutes(24 * 60);
    CHECK(birthdays.run() == 0);

    // It lands in the owner's (mei's) message box as a reminder.
    shop.signIn("mei");
    auto fired = messages::Reminders(shop.host, shop.clock).fireDue(shop.host.actingUser());
    REQUIRE(fired.size() == 1);
    CHECK(fired[0].reminder.note == "Birthday of 王伟 (生日客户) on 2027-01-18");
    CHECK(fired[0].reminder.entity == "contacts.contact");
    CHECK(messages::MessageBox(shop.host, shop.clock).unreadCount() == 1);

    // Next year again, once.
    shop.clock.advanceMinutes(365 * 24 * 60);
    shop.signIn("admin");
    CHECK(birthdays.run() == 1);
    CHECK(birthdays.run() == 0);
    CHECK_THROWS_AS(birthdays.setLeadDays(61), ValidationError);
}

TEST_CASE("29 February birthdays are reminded on 28 February in other years", "[contacts][value][birthday]") {
    ValueShop shop;
    shop.customer("闰年生日");
    long long contact = shop.count("SELECT MAX(id) FROM contacts_contact");
    shop.database->withSession([&](soci::session& s) {
        s << "UPDATE contacts_contact SET birthday = '1996-02-29' WHERE id = :id", soci::use(contact);
    });
    shop.signIn("admin");
    contacts::BirthdayReminders birthdays(shop.host, shop.clock);
    birthdays.setLeadDays(0);
    shop.clock.advanceMinutes(43LL * 24 * 60);  // 2027-02-27
    CHECK(birthdays.run() == 0);
    shop.clock.advanceMinutes(24 * 60);  // 2027-02-28
    CHECK(birthdays.run() == 1);
}

TEST_CASE("a holiday reminds the owner of each VIP customer days before it starts, once", "[contacts][value][holiday]") {
    ValueShop shop;
    long long gold = shop.customer("金卡客户");
    shop.customer("普通客户");  // not a VIP: no greetings reminder
    shop.signIn("admin");
    contacts::VipProgram vip(shop.host, shop.clock);
    vip.saveTiers({{0, "金卡", 100000, std::nullopt, std::nullopt, 0}});
    Ledger orders;
    orders.entries = {{gold, 200000, shop.clock.nowMs() - kDay}};
    shop.money()->addPurchaseSource("orders", orders.source());
    vip.review();
    REQUIRE(vip.tierOf(gold).tier);

    // The clock says 2027-01-15 in Beijing; a three-day holiday from 20 January.
    auto calendar = tiller::calendar::load(*shop.database);
    for (const char* day : {"2027-01-20", "2027-01-21", "2027-01-22"}) calendar.holidays.insert(day);
    tiller::calendar::save(*shop.database, calendar);
    contacts::HolidayReminders holidays(shop.host, shop.clock);
    holidays.setLeadDays(3);
    CHECK(holidays.run() == 0);  // five days ahead: not yet
    shop.clock.advanceMinutes(2 * 24 * 60);
    CHECK(holidays.run() == 1);
    CHECK(holidays.run() == 0);  // once, not once per holiday day
    shop.clock.advanceMinutes(4 * 24 * 60);  // 21 January, in the holiday
    CHECK(holidays.run() == 0);

    shop.signIn("mei");
    auto fired = messages::Reminders(shop.host, shop.clock).fireDue(shop.host.actingUser());
    REQUIRE(fired.size() == 1);
    CHECK(fired[0].reminder.note == "Holiday greetings for 金卡客户 (VIP 金卡): the holiday starts on 2027-01-20");
    CHECK(fired[0].reminder.entity == "contacts.customer");
    CHECK(fired[0].reminder.recordId == gold);

    shop.signIn("admin");
    CHECK_THROWS_AS(holidays.setLeadDays(61), ValidationError);
    CHECK(holidays.leadDays() == 3);
    shop.signIn("mei");  // a salesperson may not change it
    CHECK_THROWS_AS(holidays.setLeadDays(5), PermissionDenied);
}

TEST_CASE("merging a customer brings its upgrade history, the scores the other lacks and its VIP tier",
          "[contacts][value][merge]") {
    ValueShop shop;
    long long keep = shop.customer("华信科技"), other = shop.customer("华信科技有限公司");
    shop.upgradesAs("mei").request(other, Status::potential);
    shop.as("admin").reject(shop.as("admin").inbox().at(0).id, "重复客户");
    shop.signIn("admin");
    contacts::ValueAssessment assessment(shop.host, shop.clock);
    assessment.saveItems({{0, "年采购额", 60, "", 0}, {0, "信誉", 40, "", 0}});
    auto items = assessment.items();
    assessment.score(keep, {{items[0].id, 70}});
    assessment.score(other, {{items[0].id, 10}, {items[1].id, 90}});
    contacts::VipProgram vip(shop.host, shop.clock);
    vip.saveTiers({{0, "银卡", 100000, std::nullopt, std::nullopt, 0}});
    Ledger orders;
    orders.entries = {{other, 200000, shop.clock.nowMs() - kDay}};
    shop.money()->addPurchaseSource("orders", orders.source());
    vip.review();

    contacts::CustomerMerger(shop.host, shop.clock).merge({keep, other, 0, 0, {}});
    CHECK(vip.tierOf(keep).tier->name == "银卡");
    auto value = assessment.value(keep);
    CHECK(value.items[0].score == 70);  // A's own score stays
    CHECK(value.items[1].score == 90);  // B's fills the item A lacked
    auto requests = contacts::StatusUpgrades(shop.host, shop.clock).requests(keep);
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].state == "rejected");
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_assessment_score") == 2);
}

TEST_CASE("the customer-value jobs are declared for the scheduler", "[contacts][value]") {
    ValueShop shop;
    std::set<std::string> ids;
    for (const auto& job : shop.registry.scheduledJobs()) ids.insert(job.id);
    for (const char* id : {"contacts.birthday_reminders", "contacts.holiday_reminders", "contacts.vip_review", "contacts.credit_review",
                           "contacts.upgrade_settle"})
        CHECK(ids.count(id));
}
