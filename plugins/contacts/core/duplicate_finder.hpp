// The duplicate check (SPEC §2.10): customers that may be the same company as one being added
// or shown, found by the same phone number however it is written (the phone index's lookup
// key), the same e-mail address in any case, the same normalised name or a similar one, each
// with the reason; and the groups of customers that share a value, for the merge screen.
#pragma once

#include "core/customer_book.hpp"
#include "core/phone_numbers.hpp"

#include <tiller/jobs/progress.hpp>
#include <tiller/plugin/host.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace contacts {

// Strongest first: candidates are sorted by it.
enum class DuplicateReason { samePhone, sameEmail, sameName, similarName };
std::string_view reasonCode(DuplicateReason reason);  // "phone", "email", "name", "similar_name"

struct DuplicateMatch {
    DuplicateReason reason = DuplicateReason::samePhone;
    std::string value;  // the number, address or name found on the other customer
    bool operator==(const DuplicateMatch&) const = default;
};

struct DuplicateCandidate {
    long long customerId = 0;
    std::string name;
    std::string ownerName;  // "" when the customer is in the public pool
    std::vector<DuplicateMatch> matches;
};

// Customers sharing one value (a phone key, an e-mail address, a normalised name).
struct DuplicateGroup {
    DuplicateReason reason = DuplicateReason::samePhone;
    std::string value;
    std::vector<std::pair<long long, std::string>> customers;  // id, name
};

class DuplicateFinder {
public:
    explicit DuplicateFinder(tiller::plugin::Host& host, std::string defaultRegion = "CN");

    // Customers that may be the one being added (needs contacts.view), most matches first.
    std::vector<DuplicateCandidate> candidatesFor(const NewCustomer& customer, int limit = 10);
    // Customers that may be the same as customer `customerId` (NotFound when it is not theirs to see).
    std::vector<DuplicateCandidate> candidatesFor(long long customerId, int limit = 10);
    // Groups of customers sharing a value, at most `limit` per reason (needs contacts.merge).
    std::vector<DuplicateGroup> groups(int limit = 100);

    // Keeps the customer's normalised name (name_key, name_prefix) in step, inside the save's transaction.
    static void writeKey(soci::session& session, long long customerId);
    // Fills the normalised names customers written in bulk do not have yet; returns how many.
    long long fillMissingKeys(tiller::jobs::Progress& progress);

private:
    tiller::plugin::Host& host_;
    PhoneNumbers numbers_;
};

}  // namespace contacts
