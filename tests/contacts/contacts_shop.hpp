// A shop with the contacts plugin's declarations and migrations on the engine under test,
// for the duplicate and merge tests. The phone index is kept by a test hook here (the same
// PhoneIndex::replace the plugin's own hook calls), so these tests do not depend on which
// numbers the plugin chooses to index.
#pragma once

#include "contacts_setup.hpp"
#include "core/contacts_contributions.hpp"
#include "core/customer_book.hpp"
#include "core/phone_index.hpp"

#include "test_database.hpp"

#include <tiller/db/row.hpp>
#include <tiller/dictionary/dictionary.hpp>
#include <tiller/migrations/migrator.hpp>
#include <tiller/startup.hpp>

#include <set>

namespace contacts::test {

// Allows every permission except the ones named.
class AllowAllBut : public tiller::plugin::PermissionChecker {
public:
    explicit AllowAllBut(std::set<std::string> refused) : refused_(std::move(refused)) {}
    bool allows(const std::string& permission) const override { return !refused_.count(permission); }

private:
    std::set<std::string> refused_;
};

struct Shop {
    tiller::test::TestDatabase t;
    std::shared_ptr<tiller::db::Database> database = tiller::startup::openAndMigrate(t.url()).database;
    tiller::ManualClock clock{1'800'000'000'000LL};
    tiller::plugin::Registry registry;
    tiller::plugin::Host host{database, registry};

    Shop() {
        installContacts(registry, host, clock);
        registry.setOwner("tests");
        for (const char* entity : {"contacts.customer", "contacts.contact"}) {
            tiller::plugin::RecordHook phones;
            phones.id = std::string("tests.phones_of_") + entity;
            phones.entity = entity;
            std::string kind = std::string(entity) == "contacts.customer" ? "customer" : "contact";
            std::string table = std::string(entity) == "contacts.customer" ? "contacts_customer" : "contacts_contact";
            phones.afterWrite = [kind, table](tiller::plugin::Host& h, soci::session& s, long long id, bool) {
                std::string phone, mobile;
                soci::indicator pi = soci::i_null, mi = soci::i_null;
                s << "SELECT phone, mobile FROM " + table + " WHERE id = :id", soci::use(id), soci::into(phone, pi),
                    soci::into(mobile, mi);
                PhoneIndex(h.database()).replace(s, kind, id, {pi == soci::i_ok ? phone : "", mi == soci::i_ok ? mobile : ""});
            };
            registry.add(phones);
        }
    }

    long long count(const std::string& sql) {
        return database->withSession([&](soci::session& s) {
            long long n = 0;
            s << sql, soci::into(n);
            return n;
        });
    }

    // A customer with its first contact, through the plugin's rule-004 path.
    long long add(std::string name, tiller::record::Input customer, tiller::record::Input contact) {
        customer.emplace_back("name", std::move(name));
        customer.emplace_back("category_id", "normal");
        if (contact.empty()) contact = {{"name", "陈静"}, {"gender", "女"}};
        return CustomerBook(host, clock).add({customer, contact}).first;
    }
};

}  // namespace contacts::test
