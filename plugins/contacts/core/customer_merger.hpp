// Merging two customers that are one company (SPEC §2.10, 客户合并): customer B ("other") goes
// into customer A ("keep"). In one transaction: A takes the field values the person chose from
// B, B's contacts, addresses and files move to A, every plugin moves its own rows through its
// MergeHook (orders, tickets, calls ...), B is deleted (its delete audited with every value),
// and A's audit trail gets an entry (an update whose first change is "merged_customer") saying
// who merged what when, with B's id, name and values and how many records moved. Anything
// failing leaves both customers as they were.
#pragma once

#include <tiller/clock.hpp>
#include <tiller/plugin/host.hpp>
#include <tiller/record/store.hpp>

#include <string>
#include <utility>
#include <vector>

namespace contacts {

struct MergeRequest {
    long long keepId = 0;   // A, which stays
    long long otherId = 0;  // B, merged into A and deleted
    // The versions the person saw when choosing (a newer save by someone else is a Conflict);
    // 0 takes whatever is saved now (tiller-cli).
    int keepVersion = 0, otherVersion = 0;
    std::vector<std::string> takeFromOther;  // fields whose value A takes from B
};

struct MergeReport {
    long long keptId = 0;
    long long contactsMoved = 0, addressesMoved = 0, filesMoved = 0;
    std::vector<std::pair<std::string, long long>> movedByPlugins;  // merge hook id, records moved
};

class CustomerMerger {
public:
    CustomerMerger(tiller::plugin::Host& host, const tiller::Clock& clock);

    // The fields a merge may take from either customer: every field with a column that people
    // type (custom fields included), in the entity's order. Status and approval state stay A's.
    std::vector<const tiller::record::Field*> fields();

    // Needs contacts.merge and contacts.edit. Throws ValidationError (the same customer twice, a
    // field that cannot be taken), NotFound (a customer gone or outside the person's scope),
    // Conflict (a version someone else saved since, a customer waiting for approval, or a
    // plugin's record hook refusing B's delete), PermissionDenied.
    MergeReport merge(const MergeRequest& request);

private:
    tiller::plugin::Host& host_;
    const tiller::Clock& clock_;
    tiller::record::Store store_;
};

}  // namespace contacts
