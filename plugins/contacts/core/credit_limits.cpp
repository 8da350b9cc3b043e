#include "credit_limits.hpp"
#include "customer_money.hpp"
#include "local_dates.hpp"
#include "value_text.hpp"

#include <tiller/db/row.hpp>
#include <tiller/errors.hpp>
#include <tiller/record/store.hpp>
#include <tiller/settings_store.hpp>

#include <map>

namespace contacts {
namespace {

using namespace std::chrono;
using value_text::fill;
using value_text::tr;

constexpr const char* kPeriodKey = "credit.period";
constexpr const char* kDefaultKey = "credit.default_limit";

// What the customers owe in [from, to): nothing when no plugin reports exposure.
std::map<long long, CustomerAmount> exposures(tiller::plugin::Host& host, long long from, long long to,
                                              std::optional<long long> customer) {
    auto money = host.service<CustomerMoney>();
    if (!money) return {};
    return money->exposure(host, from, to, customer);
}

}  // namespace

std::string_view creditPeriodCode(CreditPeriod period) {
    switch (period) {
        case CreditPeriod::month: return "month";
        case CreditPeriod::quarter: return "quarter";
        case CreditPeriod::year: return "year";
    }
    return "month";
}

std::optional<CreditPeriod> creditPeriodFromCode(std::string_view code) {
    for (auto p : {CreditPeriod::month, CreditPeriod::quarter, CreditPeriod::year})
        if (creditPeriodCode(p) == code) return p;
    return std::nullopt;
}

CreditPolicy CreditLimits::policy() {
    tiller::SettingsStore settings(host_.database(), "contacts");
    CreditPolicy p;
    p.period = creditPeriodFromCode(settings.get(kPeriodKey, "month")).value_or(CreditPeriod::month);
    auto amount = settings.get(kDefaultKey, "");
    if (!amount.empty()) p.defaultLimit = std::stoll(amount);
    return p;
}

void CreditLimits::setPolicy(const CreditPolicy& p) {
    host_.require("contacts.configure");
    if (p.defaultLimit && *p.defaultLimit < 0)
        throw tiller::ValidationError("default_limit", tr("the default credit limit cannot be negative"));
    tiller::SettingsStore settings(host_.database(), "contacts");
    settings.set(kPeriodKey, std::string(creditPeriodCode(p.period)));
    settings.set(kDefaultKey, p.defaultLimit ? std::to_string(*p.defaultLimit) : "");
}

std::pair<long long, long long> CreditLimits::periodAround(long long nowMs, CreditPeriod period, int offset) {
    auto today = localDate(nowMs, offset);
    year_month_day start{today.year(), today.month(), day(1)};
    months length{1};
    if (period == CreditPeriod::quarter) {
        unsigned m = static_cast<unsigned>(today.month());
        start = {today.year(), month((m - 1) / 3 * 3 + 1), day(1)};
        length = months(3);
    } else if (period == CreditPeriod::year) {
        start = {today.year(), January, day(1)};
        length = months(12);
    }
    year_month_day end = year_month_day{start.year() / start.month() / start.day()} + length;
    return {localMidnight(start, offset), localMidnight(end, offset)};
}

std::pair<long long, long long> CreditLimits::currentPeriod() {
    return periodAround(clock_.nowMs(), policy().period, companyUtcOffset(host_.database()));
}

CreditStanding CreditLimits::standing(long long customerId) {
    tiller::record::Store store(host_, clock_);
    auto record = store.read("contacts.customer", customerId);  // data scope
    CreditStanding out;
    out.customerId = customerId;
    if (const auto& own = record.value("credit_limit"); std::holds_alternative<long long>(own))
        out.limit = std::get<long long>(own);
    else
        out.limit = policy().defaultLimit;
    std::tie(out.periodStart, out.periodEnd) = currentPeriod();
    auto owed = exposures(host_, out.periodStart, out.periodEnd, customerId);
    if (auto it = owed.find(customerId); it != owed.end()) out.exposure = it->second.total;
    return out;
}

int CreditLimits::review() {
    auto [start, end] = currentPeriod();
    auto defaultLimit = policy().defaultLimit;
    auto owed = exposures(host_, start, end, std::nullopt);
    long long now = clock_.nowMs();
    return host_.database().inTransaction([&](soci::session& s) {
        s << "DELETE FROM contacts_credit_flag";
        int flagged = 0;
        for (const auto& [customerId, amount] : owed) {
            long long own = 0;
            soci::indicator ownInd = soci::i_null;
            s << "SELECT credit_limit FROM contacts_customer WHERE id = :id", soci::use(customerId), soci::into(own, ownInd);
            if (!s.got_data()) continue;  // a source's customer that no longer exists
            std::optional<long long> limit = ownInd == soci::i_ok ? std::optional(own) : defaultLimit;
            if (!limit || amount.total <= *limit) continue;
            s << "INSERT INTO contacts_credit_flag (customer_id, period_start, exposure, credit_limit, checked_at) "
                 "VALUES (:c, :p, :e, :l, :t)",
                soci::use(customerId), soci::use(start), soci::use(amount.total), soci::use(*limit), soci::use(now);
            ++flagged;
        }
        return flagged;
    });
}

std::vector<long long> CreditLimits::flaggedFor(long long managerId, const std::vector<long long>& ids) {
    if (ids.empty()) return {};
    std::string in;
    for (long long id : ids) in += (in.empty() ? "" : ",") + std::to_string(id);  // integers only
    // The flags of the latest review: it replaces them all, hourly, so a new period's start
    // clears last period's within the hour.
    return host_.database().withSession([&](soci::session& s) {
        std::vector<long long> out;
        soci::rowset<soci::row> rows =
            (s.prepare << "SELECT f.customer_id FROM contacts_credit_flag f JOIN contacts_customer c ON c.id = f.customer_id "
                          "WHERE c.owner_id = :m AND f.customer_id IN (" + in + ")",
             soci::use(managerId));
        for (const auto& r : rows) out.push_back(tiller::db::integerAt(r, 0));
        return out;
    });
}

}  // namespace contacts
