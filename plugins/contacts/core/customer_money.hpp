// The extension point through which other plugins tell contacts about a customer's money:
// what it owes on contracts and orders in a period (its credit exposure, SPEC §2.6) and what it
// bought (purchases, for VIP tiers, SPEC §2.13). Contacts provides this service; the orders and
// contracts plugins add their sources in start():
//
//   host.service<contacts::CustomerMoney>()->addExposureSource("orders", [](Host& h, long long from, long long to,
//                                                                          std::optional<long long> customer) {
//       ... SELECT customer_id, SUM(amount), MAX(amount) FROM orders_order WHERE ... GROUP BY customer_id
//   });
//
// None exists yet: without a source every exposure and every purchase total is 0.
#pragma once

#include <tiller/errors.hpp>
#include <tiller/plugin/host.hpp>

#include <algorithm>

#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace contacts {

// Amounts in minor units (fen) for one customer over a time range.
struct CustomerAmount {
    long long customerId = 0;
    long long total = 0;    // the sum
    long long largest = 0;  // the largest single amount (one purchase)
};

// Amounts per customer with time in [fromMs, toMs) (UTC ms); only the customer `customerId`
// when given. Customers with nothing may be left out.
using AmountSource = std::function<std::vector<CustomerAmount>(tiller::plugin::Host&, long long fromMs, long long toMs,
                                                               std::optional<long long> customerId)>;

class CustomerMoney {
public:
    static constexpr const char* kServiceId = "contacts.CustomerMoney/1";

    // Contracts and orders that use up credit in a period.
    void addExposureSource(const std::string& name, AmountSource source);
    // Purchases the customer made (VIP tiers).
    void addPurchaseSource(const std::string& name, AmountSource source);
    bool hasExposureSources() const;
    bool hasPurchaseSources() const;

    // Every source's amounts added up per customer (largest: the largest of any source).
    std::map<long long, CustomerAmount> exposure(tiller::plugin::Host& host, long long fromMs, long long toMs,
                                                 std::optional<long long> customerId = std::nullopt) const;
    std::map<long long, CustomerAmount> purchases(tiller::plugin::Host& host, long long fromMs, long long toMs,
                                                  std::optional<long long> customerId = std::nullopt) const;

private:
    static std::map<long long, CustomerAmount> sum(const std::vector<std::pair<std::string, AmountSource>>& sources,
                                                   tiller::plugin::Host& host, long long fromMs, long long toMs,
                                                   std::optional<long long> customerId);

    mutable std::mutex mutex_;  // sources are added at start and read from job threads
    std::vector<std::pair<std::string, AmountSource>> exposure_, purchases_;
};

// Inline, so that a plugin adding a source needs only this header, not contacts' library.
inline void CustomerMoney::addExposureSource(const std::string& name, AmountSource source) {
    if (!source) throw tiller::ValidationError("source", "exposure source '" + name + "' has no function");
    std::lock_guard lock(mutex_);
    exposure_.emplace_back(name, std::move(source));
}

inline void CustomerMoney::addPurchaseSource(const std::string& name, AmountSource source) {
    if (!source) throw tiller::ValidationError("source", "purchase source '" + name + "' has no function");
    std::lock_guard lock(mutex_);
    purchases_.emplace_back(name, std::move(source));
}

inline bool CustomerMoney::hasExposureSources() const {
    std::lock_guard lock(mutex_);
    return !exposure_.empty();
}

inline bool CustomerMoney::hasPurchaseSources() const {
    std::lock_guard lock(mutex_);
    return !purchases_.empty();
}

inline std::map<long long, CustomerAmount> CustomerMoney::exposure(tiller::plugin::Host& host, long long fromMs, long long toMs,
                                                            std::optional<long long> customerId) const {
    std::unique_lock lock(mutex_);
    auto sources = exposure_;
    lock.unlock();
    return sum(sources, host, fromMs, toMs, customerId);
}

inline std::map<long long, CustomerAmount> CustomerMoney::purchases(tiller::plugin::Host& host, long long fromMs, long long toMs,
                                                             std::optional<long long> customerId) const {
    std::unique_lock lock(mutex_);
    auto sources = purchases_;
    lock.unlock();
    return sum(sources, host, fromMs, toMs, customerId);
}

inline std::map<long long, CustomerAmount> CustomerMoney::sum(const std::vector<std::pair<std::string, AmountSource>>& sources,
                                                       tiller::plugin::Host& host, long long fromMs, long long toMs,
                                                       std::optional<long long> customerId) {
    std::map<long long, CustomerAmount> out;
    for (const auto& [name, source] : sources) {
        for (const auto& amount : source(host, fromMs, toMs, customerId)) {
            if (customerId && amount.customerId != *customerId) continue;
            auto& total = out[amount.customerId];
            total.customerId = amount.customerId;
            total.total += amount.total;
            total.largest = std::max(total.largest, amount.largest);
        }
    }
    return out;
}

// Amounts as people type and read them, in yuan: "50,000" or "50000.00" is 5,000,000 fen.
// Empty text is no amount; anything else that is not an amount of at least 0 is a
// ValidationError naming `what`.
std::optional<long long> parseAmount(const std::string& text, const std::string& what);
std::string formatAmount(long long minor);  // "50,000.00"

}  // namespace contacts
