// VIP tiers for retail customers (VIP等级, SPEC §2.13). A tier is reached by one purchase of at
// least its single-purchase amount or by spending its cumulative amount in all (either, when
// both are set), and kept while the customer spends its yearly minimum in each year after
// reaching it. Purchases come from other plugins through CustomerMoney (orders, later).
//
// The review (a daily job) raises a customer to the highest tier its purchases reach, and on
// each anniversary of reaching or keeping a tier checks that year's spend: enough keeps the tier
// another year; too little drops the customer to the highest lower tier whose yearly minimum
// that spend meets (or out of the tiers). After a drop, purchases count towards tiers again
// from that day, or the all-time spend would lift the customer straight back.
#pragma once

#include <tiller/clock.hpp>
#include <tiller/plugin/host.hpp>

#include <optional>
#include <string>
#include <vector>

namespace contacts {

struct VipTier {
    long long id = 0;  // 0: not saved yet
    std::string name;
    std::optional<long long> singlePurchase, cumulative, yearlyMinimum;  // fen
    int version = 0;
};

struct CustomerTier {
    std::optional<VipTier> tier;  // none: not a VIP
    long long since = 0;          // reached or last kept (UTC ms)
    long long countedFrom = 0;    // purchases from here count towards tiers
};

struct TierChange {
    long long customerId = 0;
    std::string from, to;  // tier names; "" = none
    std::string reason;
};

class VipProgram {
public:
    VipProgram(tiller::plugin::Host& host, const tiller::Clock& clock) : host_(host), clock_(clock) {}

    std::vector<VipTier> tiers();  // lowest first
    // Makes the tiers exactly `tiers`, lowest first (id 0 adds, a missing id removes, the rest
    // change, version-checked), all or nothing, audited; needs contacts.configure.
    // ValidationError for a blank or repeated name, a tier reached in no way, or a negative
    // amount; Conflict when a tier to remove is held by customers.
    void saveTiers(const std::vector<VipTier>& tiers);

    CustomerTier tierOf(long long customerId);
    // Reviews one customer or every customer with purchases or a tier; returns the changes
    // (each audited on the customer as "vip_tier"). Safe to run on two PCs at once.
    std::vector<TierChange> review(std::optional<long long> customerId = std::nullopt);

private:
    tiller::plugin::Host& host_;
    const tiller::Clock& clock_;
};

}  // namespace contacts
