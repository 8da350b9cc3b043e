#include "customer_book.hpp"
#include "customer_rules.hpp"

#include <tiller/data/records.hpp>
#include <tiller/db/row.hpp>

#include <algorithm>

namespace contacts {
namespace {

using tiller::record::FieldError;
using tiller::record::Input;

bool filled(const Input& input, const std::string& field) {
    return std::any_of(input.begin(), input.end(), [&](const auto& entry) {
        return entry.first == field && entry.second.find_first_not_of(" \t") != std::string::npos;
    });
}

}  // namespace

std::pair<long long, long long> CustomerBook::add(const NewCustomer& n) {
    host_.require("contacts.edit");
    auto ids = host_.database().inTransaction([&](soci::session& s) { return add(s, n); });
    host_.events().publish(tiller::plugin::RecordSaved{"contacts.customer", ids.first});
    return ids;
}

std::pair<long long, long long> CustomerBook::add(soci::session& s, const NewCustomer& n) {
    host_.require("contacts.edit");
    std::vector<FieldError> errors;
    auto customer = store_.prepareNew("contacts.customer", n.customer, errors);
    // The contact's customer is the one being added: checked without it, set after the insert.
    std::vector<FieldError> contactErrors;
    auto contact = store_.prepareNew("contacts.contact", n.contact, contactErrors);
    for (auto& e : contactErrors)
        if (e.field != "customer_id") errors.push_back({"contact." + e.field, e.message});
    if (!filled(n.contact, "name") && std::none_of(errors.begin(), errors.end(), [](const auto& e) { return e.field == "contact.name"; }))
        errors.push_back({"contact.name", "is required"});
    if (!filled(n.contact, "gender")) errors.push_back({"contact.gender", "is required"});
    if (!filled(n.customer, "mobile") && !filled(n.customer, "phone") && !filled(n.contact, "mobile") && !filled(n.contact, "phone"))
        errors.push_back({"mobile", "give a mobile or a phone number (the customer's or the contact's)"});
    if (!errors.empty()) throw tiller::record::InvalidRecord(errors);

    long long customerId = store_.insertNew(s, "contacts.customer", customer);
    std::erase_if(contact, [](const auto& v) { return v.first == "customer_id"; });
    contact.emplace_back("customer_id", customerId);
    long long contactId = store_.insertNew(s, "contacts.contact", contact);
    return std::pair{customerId, contactId};
}

void CustomerBook::freeze(long long id) { setFrozen(id, true); }
void CustomerBook::unfreeze(long long id) { setFrozen(id, false); }

void CustomerBook::setFrozen(long long id, bool frozen) {
    host_.require("contacts.edit");
    auto record = store_.read("contacts.customer", id);  // scope: NotFound when not theirs
    auto status = statusFromCode(std::get<std::string>(record.value("status"))).value_or(Status::basic);
    bool isFrozen = host_.database().withSession([&](soci::session& s) {
        int f = 0;
        s << "SELECT frozen FROM contacts_customer WHERE id = :id", soci::use(id), soci::into(f);
        return f != 0;
    });
    if (frozen && !mayFreeze(status))
        throw tiller::ValidationError("status", "only potential customers and above can be frozen (this one is " +
                                                    std::string(statusCode(status)) + ")");
    if (frozen == isFrozen) throw tiller::ValidationError("frozen", frozen ? "the customer is already frozen" : "the customer is not frozen");
    tiller::data::Values changes{{"frozen", frozen ? 1LL : 0LL}};
    if (!frozen) changes.emplace_back("status", std::string(statusCode(afterUnfreeze(status))));
    host_.database().inTransaction([&](soci::session& s) {
        tiller::data::Records(s, host_.actingUser(), clock_.nowMs())
            .update("contacts_customer", "contacts.customer", id, record.version, changes);
    });
}

}  // namespace contacts
