// An office with the contacts and dialer plugins' declarations and migrations on the engine
// under test: people (admin, mei, boss), a customer with a known mobile, the caller lookup and
// the call log. The SIP tests add a real phone (SipProvider) on loopback.
#pragma once

#include "../db/sales_office.hpp"

#include "../contacts/contacts_setup.hpp"
#include "core/contacts_contributions.hpp"
#include "core/customer_book.hpp"
#include "core/dialer_contributions.hpp"

#include <tiller/dictionary/dictionary.hpp>
#include <tiller/identity/access.hpp>
#include <tiller/migrations/migrator.hpp>
#include <tiller/record/entity.hpp>

namespace dialer::test {

struct Office : tiller::test::SalesOffice {
    std::shared_ptr<PhoneService> service = std::make_shared<PhoneService>();
    long long customer = 0;  // 北京华信科技, mobile 138 0013 8000, mei's

    Office() {
        contacts::test::installContacts(registry, host, clock);
        registry.setOwner("dialer");
        dialer::contribute(registry, service);
        tiller::migrations::Migrator migrator(*database);
        migrator.add(registry.migrationsOf("dialer"));
        migrator.apply();
        // What the plugins' manifests give salespeople.
        tiller::identity::RoleBook(*database, clock, {}).setPermissions("sales", {"contacts.view", "contacts.edit", "dialer.use"});
        signIn("mei");
        customer = contacts::CustomerBook(host, clock)
                       .add({{{"name", "北京华信科技"}, {"category_id", "normal"}, {"mobile", "138-0013-8000"}},
                             {{"name", "王伟"}, {"gender", "男"}, {"mobile", "13900139000"}}})
                       .first;
    }

    long long count(const std::string& sql) {
        return database->withSession([&](soci::session& s) {
            long long n = 0;
            s << sql, soci::into(n);
            return n;
        });
    }
};

}  // namespace dialer::test
