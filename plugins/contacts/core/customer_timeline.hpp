// What happened with a customer, newest first, for the Activities tab of the 360° view (SPEC
// §2.9). For now this is the audit trail of the customer, its contacts and its addresses: who
// added or changed what, and when. Calls, e-mails and visits join it when the plugins that keep
// them exist (they add their own tabs through the record-panel slot meanwhile).
#pragma once

#include <tiller/data/records.hpp>
#include <tiller/plugin/host.hpp>

#include <string>
#include <vector>

namespace contacts {

struct TimelineEntry {
    std::string entity;  // contacts.customer, contacts.contact, contacts.address
    long long recordId = 0;
    tiller::data::AuditEntry change;
};

// At most `limit` entries. Needs contacts.view; NotFound for a customer the person may not see.
std::vector<TimelineEntry> customerTimeline(tiller::plugin::Host& host, long long customerId, int limit = 200);

}  // namespace contacts
