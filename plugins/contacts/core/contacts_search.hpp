// The contacts plugin's answer to the global search (SPEC §2.12, issue 7 item 6): customers and
// contacts from the search index, best first, within the data scope of the person searching,
// each with a line of detail (its numbers, e-mail, a contact's customer) and the view that opens
// it ("record:contacts.customer" with the record's id, as `tiller --open record:ENTITY:ID`).
#pragma once

#include <tiller/plugin/host.hpp>

#include <string>
#include <vector>

namespace contacts {

// At most `limit` hits; none when the query is blank or the person may not see customers.
std::vector<tiller::plugin::SearchHit> searchCustomersAndContacts(tiller::plugin::Host& host, const std::string& query,
                                                                  int limit);

// The condition on contacts_search (alias s) that keeps the entries of customers and contacts
// the acting person may see (Host::scopeCondition of each table), and only those two kinds.
std::string searchScope(tiller::plugin::Host& host);

}  // namespace contacts
