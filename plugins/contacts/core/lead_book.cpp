#include "lead_book.hpp"
#include "customer_book.hpp"
#include "lead_conversion.hpp"
#include "public_pool.hpp"
#include "pool_text.hpp"
#include "write_transaction.hpp"

#include <tiller/data/records.hpp>
#include <tiller/db/row.hpp>
#include <tiller/errors.hpp>
#include <tiller/plugin/list_actions.hpp>

#include <algorithm>

namespace contacts {
namespace {

using pool_text::fill;
using pool_text::tr;
using tiller::record::Input;

std::string textOf(const tiller::record::Record& r, const char* field) {
    const auto& v = r.value(field);
    if (std::holds_alternative<std::string>(v)) return std::get<std::string>(v);
    if (std::holds_alternative<long long>(v)) return std::to_string(std::get<long long>(v));
    return "";
}

// `base` with `overrides` put over it, field by field.
Input merged(Input base, const Input& overrides) {
    for (const auto& [field, value] : overrides) {
        std::erase_if(base, [&](const auto& entry) { return entry.first == field; });
        base.emplace_back(field, value);
    }
    return base;
}

void given(Input& input, const char* field, const std::string& value) {
    if (!value.empty()) input.emplace_back(field, value);
}

}  // namespace

long long leadStatusId(soci::session& s, const std::string& code) {
    long long id = 0;
    s << "SELECT id FROM core_dictionary_value WHERE kind = 'contacts.lead_status' AND code = :c", soci::use(code), soci::into(id);
    if (!s.got_data()) throw tiller::NotFound("the lead status '" + code + "' is missing from the data dictionary");
    return id;
}

ConversionResult LeadBook::convert(long long leadId, const Conversion& conversion) {
    host_.require(kLeadsPermission);
    host_.require("contacts.edit");
    tiller::record::Store store(host_, clock_);
    auto lead = store.read(kLeadEntity, leadId);  // NotFound outside the person's scope
    std::string name = textOf(lead, "name");
    if (const auto& c = lead.value("converted_customer_id"); std::holds_alternative<long long>(c))
        throw tiller::Conflict(fill(tr("%s was converted already (customer %s)"), {name, store.recordTitle(kCustomerEntity, std::get<long long>(c))}));

    NewCustomer n;
    n.customer.emplace_back("name", name);
    given(n.customer, "category_id", conversion.category);
    for (const char* field : {"phone", "mobile", "email", "source_id", "owner_id", "notes"}) given(n.customer, field, textOf(lead, field));
    std::string person = textOf(lead, "contact_name");
    given(n.contact, "name", person.empty() ? name : person);  // a person's own lead: they are the contact
    for (const char* field : {"gender", "title", "phone", "mobile", "email"}) given(n.contact, field, textOf(lead, field));
    n.customer = merged(std::move(n.customer), conversion.customer);
    n.contact = merged(std::move(n.contact), conversion.contact);

    ConvertedLead converted;
    converted.leadId = leadId;
    converted.name = name;
    if (const auto& src = lead.value("source_id"); std::holds_alternative<long long>(src)) converted.sourceId = std::get<long long>(src);
    auto steps = host_.service<LeadConversionSteps>();
    long long now = clock_.nowMs();
    inWriteTransaction(host_.database(), [&](soci::session& s) {
        auto [customerId, contactId] = CustomerBook(host_, clock_).add(s, n);
        converted.customerId = customerId;
        converted.contactId = contactId;
        long long owner = 0;
        soci::indicator ownerInd = soci::i_null;
        s << "SELECT owner_id FROM contacts_customer WHERE id = :id", soci::use(customerId), soci::into(owner, ownerInd);
        if (ownerInd == soci::i_ok) converted.ownerId = owner;
        tiller::data::Records(s, host_.actingUser(), now)
            .update("contacts_lead", kLeadEntity, leadId, lead.version,
                    {{"status_id", leadStatusId(s, kLeadConverted)}, {"converted_customer_id", customerId}});
        for (const auto* hook : host_.registry().hooksFor(kLeadEntity))
            if (hook->afterWrite) hook->afterWrite(host_, s, leadId, false);
        if (steps)
            for (const auto& step : steps->steps()) step.run(host_, s, converted);
    });
    host_.events().publish(tiller::plugin::RecordSaved{kCustomerEntity, converted.customerId});
    host_.events().publish(tiller::plugin::RecordSaved{kLeadEntity, leadId});
    host_.events().publish(LeadConverted{leadId, converted.customerId, converted.contactId});
    return {converted.customerId, converted.contactId};
}

tiller::plugin::ListActionResult LeadBook::convertAll(const std::vector<long long>& ids, const std::string& category) {
    tiller::record::Store store(host_, clock_);
    return tiller::plugin::eachRecord(
        ids, [&](long long id) { return store.recordTitle(kLeadEntity, id); },
        [&](long long id) { convert(id, Conversion{category, {}, {}}); });
}

}  // namespace contacts
