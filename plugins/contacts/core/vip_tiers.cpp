#include "vip_tiers.hpp"
#include "customer_money.hpp"
#include "local_dates.hpp"
#include "value_text.hpp"

#include <tiller/data/records.hpp>
#include <tiller/db/row.hpp>
#include <tiller/errors.hpp>
#include <tiller/record/store.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace contacts {
namespace {

using namespace std::chrono;
using value_text::fill;
using value_text::tr;

constexpr const char* kTierEntity = "contacts.vip_tier";

std::string trimmed(const std::string& text) {
    auto start = text.find_first_not_of(" \t\r\n");
    if (start == std::string::npos) return "";
    return text.substr(start, text.find_last_not_of(" \t\r\n") - start + 1);
}

tiller::data::Value amountValue(const std::optional<long long>& amount) {
    if (amount) return *amount;
    return std::monostate{};
}

std::vector<VipTier> readTiers(soci::session& s) {
    std::vector<VipTier> out;
    soci::rowset<soci::row> rows = (s.prepare << "SELECT id, name, single_purchase, cumulative, yearly_minimum, version "
                                                 "FROM contacts_vip_tier ORDER BY position, id");
    for (const auto& r : rows)
        out.push_back({tiller::db::integerAt(r, 0), tiller::db::textAt(r, 1), tiller::db::optionalIntegerAt(r, 2),
                       tiller::db::optionalIntegerAt(r, 3), tiller::db::optionalIntegerAt(r, 4),
                       static_cast<int>(tiller::db::integerAt(r, 5))});
    return out;
}

// A year after `at`, at the same local time (29 February gives 28 February).
long long anniversary(long long at, int offset) {
    auto date = localDate(at, offset);
    long long timeOfDay = at - localMidnight(date, offset);
    year_month_day next = date + years(1);
    if (!next.ok()) next = year_month_day{next.year() / next.month() / last};
    return localMidnight(next, offset) + timeOfDay;
}

struct Row {
    bool exists = false;
    std::optional<long long> tierId;
    long long since = 0, countedFrom = 0;
};

}  // namespace

std::vector<VipTier> VipProgram::tiers() {
    return host_.database().withSession([](soci::session& s) { return readTiers(s); });
}

void VipProgram::saveTiers(const std::vector<VipTier>& wanted) {
    host_.require("contacts.configure");
    std::set<std::string> names;
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        const auto& t = wanted[i];
        std::string name = trimmed(t.name), which = fill(tr("tier %s"), {std::to_string(i + 1)});
        if (name.empty()) throw tiller::ValidationError("name", which + ": " + tr("give the tier a name"));
        if (!names.insert(name).second) throw tiller::ValidationError("name", fill(tr("there are two tiers named '%s'"), {name}));
        if (!t.singlePurchase && !t.cumulative)
            throw tiller::ValidationError("single_purchase", which + " (" + name + "): " +
                                                                 tr("give a single purchase or a cumulative spend that reaches it"));
        for (const auto& amount : {t.singlePurchase, t.cumulative, t.yearlyMinimum})
            if (amount && *amount < 0)
                throw tiller::ValidationError("amount", which + " (" + name + "): " + tr("amounts cannot be negative"));
    }
    host_.database().inTransaction([&](soci::session& s) {
        tiller::data::Records records(s, host_.actingUser(), clock_.nowMs());
        auto existing = readTiers(s);
        std::set<long long> kept;
        for (const auto& t : wanted) kept.insert(t.id);
        for (const auto& old : existing) {
            if (kept.count(old.id)) continue;
            long long holders = 0;
            s << "SELECT COUNT(*) FROM contacts_customer_vip WHERE tier_id = :t", soci::use(old.id), soci::into(holders);
            if (holders > 0)
                throw tiller::Conflict(fill(tr("the tier '%s' cannot be removed: %s customers hold it"),
                                            {old.name, std::to_string(holders)}));
            records.remove("contacts_vip_tier", kTierEntity, old.id, {"name", "single_purchase", "cumulative", "yearly_minimum"});
        }
        for (std::size_t i = 0; i < wanted.size(); ++i) {
            const auto& t = wanted[i];
            tiller::data::Values values{{"name", trimmed(t.name)},
                                        {"position", static_cast<long long>(i)},
                                        {"single_purchase", amountValue(t.singlePurchase)},
                                        {"cumulative", amountValue(t.cumulative)},
                                        {"yearly_minimum", amountValue(t.yearlyMinimum)}};
            if (t.id == 0) {
                records.insert("contacts_vip_tier", kTierEntity, values);
                continue;
            }
            if (std::none_of(existing.begin(), existing.end(), [&](const auto& e) { return e.id == t.id; }))
                throw tiller::Conflict(fill(tr("the tier '%s' was removed by someone else meanwhile"), {t.name}));
            records.update("contacts_vip_tier", kTierEntity, t.id, t.version, values);
        }
    });
}

CustomerTier VipProgram::tierOf(long long customerId) {
    tiller::record::Store(host_, clock_).read("contacts.customer", customerId);  // data scope
    auto all = tiers();
    return host_.database().withSession([&](soci::session& s) {
        CustomerTier out;
        long long tierId = 0;
        soci::indicator tierInd = soci::i_null;
        s << "SELECT tier_id, since, counted_from FROM contacts_customer_vip WHERE customer_id = :c", soci::use(customerId),
            soci::into(tierId, tierInd), soci::into(out.since), soci::into(out.countedFrom);
        if (s.got_data() && tierInd == soci::i_ok)
            for (const auto& t : all)
                if (t.id == tierId) out.tier = t;
        return out;
    });
}

std::vector<TierChange> VipProgram::review(std::optional<long long> only) {
    auto all = tiers();
    auto money = host_.service<CustomerMoney>();
    long long now = clock_.nowMs();
    int offset = companyUtcOffset(host_.database());
    auto spent = [&](long long customer, long long from, long long to) {
        if (!money) return CustomerAmount{customer, 0, 0};
        auto amounts = money->purchases(host_, from, to, customer);
        auto it = amounts.find(customer);
        return it == amounts.end() ? CustomerAmount{customer, 0, 0} : it->second;
    };
    std::set<long long> candidates;
    if (only) {
        candidates.insert(*only);
    } else {
        if (money)
            for (const auto& [id, amount] : money->purchases(host_, 0, now + 1)) candidates.insert(id);
        host_.database().withSession([&](soci::session& s) {
            soci::rowset<soci::row> rows = (s.prepare << "SELECT customer_id FROM contacts_customer_vip");
            for (const auto& r : rows) candidates.insert(tiller::db::integerAt(r, 0));
        });
    }
    auto levelOf = [&](std::optional<long long> tierId) {
        for (std::size_t i = 0; i < all.size(); ++i)
            if (tierId && all[i].id == *tierId) return static_cast<int>(i);
        return -1;
    };
    auto nameOf = [&](int level) { return level < 0 ? std::string() : all[static_cast<std::size_t>(level)].name; };

    std::vector<TierChange> changes;
    for (long long customer : candidates) {
        Row row = host_.database().withSession([&](soci::session& s) {
            Row r;
            long long tierId = 0;
            soci::indicator tierInd = soci::i_null;
            s << "SELECT tier_id, since, counted_from FROM contacts_customer_vip WHERE customer_id = :c", soci::use(customer),
                soci::into(tierId, tierInd), soci::into(r.since), soci::into(r.countedFrom);
            r.exists = s.got_data();
            if (r.exists && tierInd == soci::i_ok) r.tierId = tierId;
            return r;
        });
        int level = levelOf(row.tierId), startLevel = level;
        long long since = row.since, countedFrom = row.countedFrom;
        std::string reason;
        // Each year since the tier was reached or kept: enough spend keeps it, too little drops it.
        while (level >= 0) {
            long long yearEnd = anniversary(since, offset);
            if (yearEnd > now) break;
            const auto& tier = all[static_cast<std::size_t>(level)];
            long long yearSpend = spent(customer, since, yearEnd).total;
            since = yearEnd;
            if (!tier.yearlyMinimum || yearSpend >= *tier.yearlyMinimum) continue;
            int lower = level - 1;
            while (lower >= 0 && all[static_cast<std::size_t>(lower)].yearlyMinimum &&
                   yearSpend < *all[static_cast<std::size_t>(lower)].yearlyMinimum)
                --lower;
            reason = fill(tr("spent %s in the year to %s; keeping %s needs %s a year"),
                          {formatAmount(yearSpend), isoDate(localDate(yearEnd - 1, offset)), tier.name,
                           formatAmount(*tier.yearlyMinimum)});
            level = lower;
            countedFrom = yearEnd;
        }
        // The highest tier the purchases since countedFrom reach.
        auto bought = spent(customer, countedFrom, now + 1);
        int reached = -1;
        for (std::size_t i = 0; i < all.size(); ++i) {
            const auto& t = all[i];
            if ((t.singlePurchase && bought.largest >= *t.singlePurchase) || (t.cumulative && bought.total >= *t.cumulative))
                reached = static_cast<int>(i);
        }
        if (reached > level) {
            const auto& t = all[static_cast<std::size_t>(reached)];
            reason = t.singlePurchase && bought.largest >= *t.singlePurchase
                         ? fill(tr("a single purchase of %s"), {formatAmount(bought.largest)})
                         : fill(tr("purchases of %s in all"), {formatAmount(bought.total)});
            level = reached;
            since = now;
        }
        if (level == startLevel && since == row.since && countedFrom == row.countedFrom) continue;
        if (!row.exists && level < 0) continue;
        bool written = host_.database().inTransaction([&](soci::session& s) {
            int customers = 0;
            s << "SELECT COUNT(*) FROM contacts_customer WHERE id = :c", soci::use(customer), soci::into(customers);
            if (customers == 0) return false;  // a source's customer that no longer exists
            long long tierId = level < 0 ? 0 : all[static_cast<std::size_t>(level)].id;
            soci::indicator tierInd = level < 0 ? soci::i_null : soci::i_ok;
            long long oldTier = row.tierId.value_or(0), oldSince = row.since;
            long long affected = 0;
            if (row.exists) {
                soci::statement st =
                    (s.prepare << "UPDATE contacts_customer_vip SET tier_id = :t, since = :s, counted_from = :f, reviewed_at = :r "
                                  "WHERE customer_id = :c AND COALESCE(tier_id, 0) = :old AND since = :oldSince",
                     soci::use(tierId, tierInd), soci::use(since), soci::use(countedFrom), soci::use(now), soci::use(customer),
                     soci::use(oldTier), soci::use(oldSince));
                st.execute(true);
                affected = st.get_affected_rows();
            } else {
                soci::statement st =
                    (s.prepare << "INSERT INTO contacts_customer_vip (customer_id, tier_id, since, counted_from, reviewed_at) "
                                  "VALUES (:c, :t, :s, :f, :r) ON CONFLICT (customer_id) DO NOTHING",
                     soci::use(customer), soci::use(tierId, tierInd), soci::use(since), soci::use(countedFrom), soci::use(now));
                st.execute(true);
                affected = st.get_affected_rows();
            }
            if (affected != 1) return false;  // another PC reviewed this customer just now
            if (level != startLevel)
                tiller::data::Records(s, host_.actingUser(), now)
                    .audit("contacts.customer", customer, "update", {{"vip_tier", nameOf(startLevel), nameOf(level)}});
            return true;
        });
        if (written && level != startLevel) changes.push_back({customer, nameOf(startLevel), nameOf(level), reason});
    }
    return changes;
}

}  // namespace contacts
