// The customer rules that span more than one field or record (SPEC §2.1, §2.3): a new customer
// comes with its first contact, and freezing follows the status ladder.
#pragma once

#include <tiller/clock.hpp>
#include <tiller/plugin/host.hpp>
#include <tiller/record/store.hpp>

#include <utility>

namespace contacts {

struct NewCustomer {
    tiller::record::Input customer;  // field -> text, as for record::Store
    tiller::record::Input contact;   // the first contact (联系人)
};

class CustomerBook {
public:
    CustomerBook(tiller::plugin::Host& host, const tiller::Clock& clock) : host_(host), clock_(clock), store_(host, clock) {}

    // Rule 004: a customer name, a category, a contact with a gender, and at least one of a
    // mobile or a phone (the customer's or the contact's). Both records or neither; every
    // problem is listed (the contact's fields as "contact.<field>"). Returns (customer, contact).
    std::pair<long long, long long> add(const NewCustomer& customer);
    // The same checks and inserts inside the caller's transaction (a lead's conversion adds the
    // customer and marks the lead in one). Publishes nothing: the caller does after its commit.
    std::pair<long long, long long> add(soci::session& session, const NewCustomer& customer);

    // Potential and above can be frozen; unfreezing brings potential back as potential and
    // successful, pilot and typical back as successful. Audited, version-checked.
    void freeze(long long customerId);
    void unfreeze(long long customerId);

private:
    void setFrozen(long long customerId, bool frozen);

    tiller::plugin::Host& host_;
    const tiller::Clock& clock_;
    tiller::record::Store store_;
};

}  // namespace contacts
