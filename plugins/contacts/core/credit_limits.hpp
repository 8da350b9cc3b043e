// Credit limits (额度期间, SPEC §2.6): a default credit amount per period (month, quarter or year,
// in the company's local time), which a customer's own credit_limit overrides. When what a
// customer owes on contracts and orders in the period (its exposure, reported by other plugins
// through CustomerMoney) exceeds its limit, the customer is flagged, and its account manager
// sees it red in the customer list. Until an orders or contracts plugin reports exposure, every
// exposure is 0 and nobody is flagged.
#pragma once

#include <tiller/clock.hpp>
#include <tiller/plugin/host.hpp>

#include <optional>
#include <string>
#include <vector>

namespace contacts {

enum class CreditPeriod { month, quarter, year };
std::string_view creditPeriodCode(CreditPeriod period);  // "month", "quarter", "year"
std::optional<CreditPeriod> creditPeriodFromCode(std::string_view code);

struct CreditPolicy {
    CreditPeriod period = CreditPeriod::month;
    std::optional<long long> defaultLimit;  // fen; none: only customers with their own limit have one
};

struct CreditStanding {
    long long customerId = 0;
    std::optional<long long> limit;  // the customer's own, else the default; none: no limit
    long long exposure = 0;
    long long periodStart = 0, periodEnd = 0;  // UTC ms, [start, end)
    bool over() const { return limit && exposure > *limit; }
};

class CreditLimits {
public:
    CreditLimits(tiller::plugin::Host& host, const tiller::Clock& clock) : host_(host), clock_(clock) {}

    CreditPolicy policy();
    // Needs contacts.configure.
    void setPolicy(const CreditPolicy& policy);

    // The current period [start, end) in UTC ms, by the company's calendar.
    std::pair<long long, long long> currentPeriod();
    static std::pair<long long, long long> periodAround(long long nowMs, CreditPeriod period, int utcOffsetMinutes);

    // One customer now (its data scope applies).
    CreditStanding standing(long long customerId);
    // Flags every customer over its limit in the current period and clears the flags of the
    // rest (the scheduled job). Returns how many are flagged.
    int review();
    // Of `ids`, those the latest review flagged whose account manager is `managerId` (the red
    // rows of the customer list).
    std::vector<long long> flaggedFor(long long managerId, const std::vector<long long>& ids);

private:
    tiller::plugin::Host& host_;
    const tiller::Clock& clock_;
};

}  // namespace contacts
