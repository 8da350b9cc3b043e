// Automatic recall to the public pool (公海池, SPEC §2.7): a customer or lead whose owner has not
// followed it up for N days goes back to the pool so that someone else can, and its former
// owner finds a message in their message box saying so. N is a company setting (0 = never).
// The idle time runs from the last follow-up, else from when the owner got the record, else
// from its creation. Customers that have become successful (成功) or more, frozen customers,
// and leads converted or discarded stay where they are. Run by the GUI as a scheduled job and
// by `tiller-cli customers recall`; two PCs running it at once recall each record once.
#pragma once

#include <tiller/clock.hpp>
#include <tiller/plugin/host.hpp>

#include <string>
#include <vector>

namespace contacts {

struct RecalledRecord {
    std::string entity;  // kCustomerEntity or kLeadEntity
    long long id = 0;
    std::string title;
    long long formerOwner = 0;
    std::string formerOwnerName;
    long long idleSince = 0;  // UTC epoch ms: last follow-up, assignment or creation
};

struct RecallReport {
    int days = 0;          // the setting used; 0 = recall is off and nothing was looked at
    bool dryRun = false;   // nothing was changed
    std::vector<RecalledRecord> recalled;
};

class PoolRecall {
public:
    static constexpr int kDefaultDays = 30;
    static constexpr int kMaxDays = 3650;

    PoolRecall(tiller::plugin::Host& host, const tiller::Clock& clock) : host_(host), clock_(clock) {}

    int days() const;
    // contacts.pool; 0 turns the recall off. ValidationError outside 0..kMaxDays.
    void setDays(int days);

    // Recalls what is due (or only lists it, for a dry run). The system does it, not the
    // signed-in person: no permission is needed and the audit names no user.
    RecallReport run(bool dryRun = false);

private:
    std::vector<RecalledRecord> candidates(const std::string& entity, long long cutoff);

    tiller::plugin::Host& host_;
    const tiller::Clock& clock_;
};

}  // namespace contacts
