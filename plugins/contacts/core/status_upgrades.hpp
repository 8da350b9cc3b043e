// Status upgrades through approval (SPEC §2.3): a customer goes up the ladder invalid → basic →
// potential → successful → pilot → typical one rung at a time, each rung through the approval
// flow linked to its customer type (contacts.upgrade.<type code>, e.g. contacts.upgrade.supplier;
// contacts.upgrade for types users added). The status changes, audited, when that approval is
// approved; a rejection leaves it. A frozen customer cannot be upgraded.
//
// One rung at a time, not any higher status: the ladder's arrows name each step, and each rung
// is its own achievement (a first deal makes a potential customer successful; a pilot comes
// before a typical reference), so approving a jump would approve rungs nobody looked at. The
// flow's conditions see `from_status`, `to_status` and `to_rank` (0 invalid ... 5 typical), so an
// administrator can add a general manager's step for pilot and typical only.
#pragma once

#include "customer_rules.hpp"

#include <tiller/clock.hpp>
#include <tiller/plugin/host.hpp>

#include <optional>
#include <string>
#include <vector>

namespace contacts {

struct UpgradeRequest {
    long long id = 0, customerId = 0, approvalId = 0;
    std::string fromStatus, toStatus;
    std::string state;  // pending, applied, rejected, returned, abnormal, void
    std::string note;   // why void
    long long requestedAt = 0;
    std::optional<long long> settledAt;
};

// Where a customer stands on the ladder, for screens.
struct LadderPlace {
    Status status = Status::basic;
    bool frozen = false;
    std::optional<Status> next;   // none at the top
    std::string flowId;           // the approval flow its upgrades go through
    std::optional<Status> waiting;  // an upgrade to this status waits for approval
};

class StatusUpgrades {
public:
    StatusUpgrades(tiller::plugin::Host& host, const tiller::Clock& clock) : host_(host), clock_(clock) {}

    // The approval flow for customers of the type with this code.
    static std::string flowFor(const tiller::plugin::Registry& registry, const std::string& typeCode);
    static bool isUpgradeFlow(const std::string& flowId);
    // The rung above `status`; none above typical.
    static std::optional<Status> nextStatus(Status status);

    // Sends the customer to approval for `target`, which must be the next rung. ValidationError
    // (nothing sent) for a frozen customer, a target that is not the next rung, or an upgrade
    // already waiting; NotFound outside the person's data scope; needs contacts.edit. Returns
    // the request's id.
    long long request(long long customerId, Status target);
    long long requestNext(long long customerId);

    // Applies the approved upgrades and closes the rejected ones whose approval has finished
    // (of one customer, or all). Safe to run on two PCs at once. Returns how many it settled.
    int settle(std::optional<long long> customerId = std::nullopt);

    // NotFound outside the person's data scope.
    LadderPlace place(long long customerId);

    // The customer's requests, newest first.
    std::vector<UpgradeRequest> requests(long long customerId);

    // Settles a customer's upgrade whenever one of the upgrade flows finishes. Lasts as long as
    // the returned subscription.
    [[nodiscard]] static tiller::plugin::EventBus::Subscription follow(tiller::plugin::Host& host,
                                                                       const tiller::Clock& clock);

private:
    tiller::plugin::Host& host_;
    const tiller::Clock& clock_;
};

}  // namespace contacts
