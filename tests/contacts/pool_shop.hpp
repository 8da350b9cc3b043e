// A shop for the public pool and lead tests: the contacts plugin's declarations, entities,
// lists and migrations on the engine under test, and three people (the administrator, 王伟 and
// 李娜), each with a Host of their own whose permissions the test chooses. Salespeople see only
// their own records (data scope "own"), as the built-in sales role does.
#pragma once

#include "contacts_setup.hpp"
#include "core/contacts_contributions.hpp"
#include "core/customer_book.hpp"

#include "test_database.hpp"

#include <tiller/db/row.hpp>
#include <tiller/dictionary/dictionary.hpp>
#include <tiller/identity/people.hpp>
#include <tiller/migrations/migrator.hpp>
#include <tiller/record/list.hpp>
#include <tiller/startup.hpp>

#include <set>

namespace contacts::test {

// A signed-in person: their user id, the permissions they have, and the "own" data scope.
class Person : public tiller::plugin::PermissionChecker {
public:
    Person(long long id, std::set<std::string> allowed, bool seesAll = false)
        : id_(id), allowed_(std::move(allowed)), seesAll_(seesAll) {}
    bool allows(const std::string& permission) const override { return permission.empty() || allowed_.count(permission) > 0; }
    std::string condition(const std::string&, const std::string& ownerColumn) const override {
        return seesAll_ ? "" : ownerColumn + " = " + std::to_string(id_);
    }
    std::optional<long long> userId() const override { return id_; }

private:
    long long id_;
    std::set<std::string> allowed_;
    bool seesAll_;
};

inline const std::set<std::string> kSales = {"contacts.view", "contacts.edit", "contacts.claim", "contacts.leads"};

struct PoolShop {
    tiller::test::TestDatabase t;
    std::shared_ptr<tiller::db::Database> database = tiller::startup::openAndMigrate(t.url()).database;
    tiller::ManualClock clock{1'800'000'000'000LL};
    tiller::plugin::Registry registry;
    tiller::plugin::Host system{database, registry};  // AllowEverything, nobody signed in
    long long adminId = 0, wangId = 0, liId = 0;

    PoolShop() {
        contacts::test::installContacts(registry, system, clock,
                                        {.entities = {"customer", "contact", "address", "lead"},
                                         .lists = {"customers", "pool", "leads", "lead_pool"}});

        tiller::identity::UserDirectory users(*database, clock, {});
        users.ensureAdministrator();
        users.setPassword("admin", "admin-password");
        adminId = users.find("admin")->id;
        wangId = users.add({"wang", "王伟", "", "", "", {}, {}, "", "", {"sales"}, "wang-password"});
        liId = users.add({"li", "李娜", "", "", "", {}, {}, "", "", {"sales"}, "li-password"});
    }

    // A Host for one person with the given permissions (shares this shop's database and plugins).
    std::unique_ptr<tiller::plugin::Host> as(long long userId, std::set<std::string> allowed, bool seesAll = false) {
        return std::make_unique<tiller::plugin::Host>(database, registry, std::make_shared<Person>(userId, std::move(allowed), seesAll));
    }

    long long count(const std::string& sql) {
        return database->withSession([&](soci::session& s) {
            long long n = 0;
            s << sql, soci::into(n);
            return n;
        });
    }
    std::optional<long long> ownerOf(const std::string& table, long long id) {
        return database->withSession([&](soci::session& s) -> std::optional<long long> {
            long long owner = 0;
            soci::indicator ind = soci::i_null;
            s << "SELECT owner_id FROM " + table + " WHERE id = :id", soci::use(id), soci::into(owner, ind);
            return ind == soci::i_ok ? std::optional<long long>(owner) : std::nullopt;
        });
    }

    // A customer with its first contact, owned by `owner` (none: in the pool).
    long long customer(const std::string& name, std::optional<long long> owner, const std::string& status = "basic") {
        tiller::record::Input fields{{"name", name}, {"category_id", "normal"}, {"mobile", "13800138000"}};
        if (owner) fields.emplace_back("owner_id", std::to_string(*owner));
        long long id = CustomerBook(system, clock).add({fields, {{"name", "陈静"}, {"gender", "女"}}}).first;
        database->withSession([&](soci::session& s) {
            long long o = owner.value_or(0);
            soci::indicator ind = owner ? soci::i_ok : soci::i_null;
            s << "UPDATE contacts_customer SET owner_id = :o, status = :s WHERE id = :id", soci::use(o, ind), soci::use(status),
                soci::use(id);
            s << "UPDATE contacts_contact SET owner_id = :o WHERE customer_id = :id", soci::use(o, ind), soci::use(id);
        });
        return id;
    }
};

}  // namespace contacts::test
