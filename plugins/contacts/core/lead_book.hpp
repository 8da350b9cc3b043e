// Leads (销售线索, SPEC §2.8) and their conversion: a lead becomes a customer with its first
// contact (through CustomerBook, so rule 004 holds: a category, a contact with a gender, a
// number), the lead is marked converted and linked to the customer, and the steps other
// plugins added (LeadConversionSteps: an opportunity) run, all in one transaction.
#pragma once

#include <tiller/clock.hpp>
#include <tiller/plugin/host.hpp>
#include <tiller/record/store.hpp>

#include <string>
#include <vector>

namespace contacts {

inline constexpr const char* kLeadsPermission = "contacts.leads";

// The lead statuses (dictionary contacts.lead_status, system values).
inline constexpr const char* kLeadNew = "new";
inline constexpr const char* kLeadConverted = "converted";
inline constexpr const char* kLeadDiscarded = "discarded";

struct Conversion {
    std::string category;            // the new customer's category (name, code or id); required
    tiller::record::Input customer;  // more customer fields; they win over what the lead gives
    tiller::record::Input contact;   // more fields of the first contact
};

struct ConversionResult {
    long long customerId = 0;
    long long contactId = 0;
};

class LeadBook {
public:
    LeadBook(tiller::plugin::Host& host, const tiller::Clock& clock) : host_(host), clock_(clock) {}

    // Needs contacts.leads and contacts.edit. InvalidRecord lists what the customer or contact
    // lacks (e.g. "contact.gender: is required"); Conflict for a lead converted already or
    // changed by someone else meanwhile. Nothing is kept when anything fails.
    ConversionResult convert(long long leadId, const Conversion& conversion);
    // The batch form (list action): each lead on its own, refusals by the lead's name.
    tiller::plugin::ListActionResult convertAll(const std::vector<long long>& leadIds, const std::string& category);

private:
    tiller::plugin::Host& host_;
    const tiller::Clock& clock_;
};

// The id of a lead status by its code (NotFound when the dictionary lacks it).
long long leadStatusId(soci::session& session, const std::string& code);

}  // namespace contacts
