#include "core/search_contributions.hpp"

#include "core/contacts_search.hpp"
#include "core/phone_index.hpp"
#include "core/record_indexes.hpp"

#include <tiller/i18n/catalogs.hpp>

namespace contacts {

using namespace tiller::plugin;

void contributeSearch(Registry& registry) {
    RecordHook customers;
    customers.id = "contacts.customer_indexes";
    customers.entity = "contacts.customer";
    customers.afterWrite = [](Host& host, soci::session& s, long long id, bool) {
        PhoneIndex phones(host.database());
        indexCustomer(s, phones, id);
    };
    customers.beforeDelete = [](Host&, soci::session& s, long long id) { unindexCustomer(s, id); };
    registry.add(customers);

    RecordHook contacts;
    contacts.id = "contacts.contact_indexes";
    contacts.entity = "contacts.contact";
    contacts.afterWrite = [](Host& host, soci::session& s, long long id, bool) {
        PhoneIndex phones(host.database());
        indexContact(s, phones, id);
    };
    contacts.beforeDelete = [](Host&, soci::session& s, long long id) { unindexContact(s, id); };
    registry.add(contacts);

    SearchProvider provider;
    provider.id = "contacts.customers";
    provider.label = N_("Customers and contacts");
    provider.search = [](Host& host, const std::string& query, int limit) {
        return searchCustomersAndContacts(host, query, limit);
    };
    registry.add(provider);
}

}  // namespace contacts
