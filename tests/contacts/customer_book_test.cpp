// SPEC §2.1 rule 004 and §2.3 freezing, with the contacts plugin's own declarations and
// migrations, on SQLite and PostgreSQL.
#include "contacts_setup.hpp"
#include "core/contacts_contributions.hpp"
#include "core/customer_book.hpp"

#include "test_database.hpp"

#include <tiller/dictionary/dictionary.hpp>
#include <tiller/migrations/migrator.hpp>
#include <tiller/startup.hpp>

#include <catch2/catch.hpp>

using namespace tiller;

namespace {

struct Shop {
    test::TestDatabase t;
    std::shared_ptr<db::Database> database = startup::openAndMigrate(t.url()).database;
    ManualClock clock{1'800'000'000'000LL};
    plugin::Registry registry;
    plugin::Host host{database, registry};

    Shop() { contacts::test::installContacts(registry, host, clock, {.entities = {"customer", "contact"}}); }
    long long count(const char* table) {
        return database->withSession([&](soci::session& s) {
            long long n = 0;
            s << std::string("SELECT COUNT(*) FROM ") + table, soci::into(n);
            return n;
        });
    }
};

std::map<std::string, std::string> problems(const record::InvalidRecord& e) {
    std::map<std::string, std::string> why;
    for (const auto& f : e.errors()) why[f.field] = f.message;
    return why;
}

}  // namespace

TEST_CASE("a new customer needs a name, a category, a contact with a gender and a number", "[contacts]") {
    Shop shop;
    contacts::CustomerBook book(shop.host, shop.clock);
    try {
        book.add({{{"name", "北京华信科技有限公司"}}, {{"name", "王伟"}}});
        FAIL("a customer without category, gender and number was added");
    } catch (const record::InvalidRecord& e) {
        auto why = problems(e);
        CHECK(why["category_id"] == "is required");
        CHECK(why["contact.gender"] == "is required");
        CHECK(why["mobile"] == "give a mobile or a phone number (the customer's or the contact's)");
        CHECK_FALSE(why.count("name"));
    }
    CHECK_THROWS_WITH(book.add({{{"name", "X"}, {"category_id", "重点客户"}, {"mobile", "13800138000"}},
                                {{"name", "李娜"}, {"gender", "unknown"}}}),
                      Catch::Contains("contact.gender: must be male or female"));
    CHECK(shop.count("contacts_customer") == 0);
    CHECK(shop.count("contacts_contact") == 0);

    auto [customer, contact] = book.add({{{"name", "北京华信科技有限公司"}, {"category_id", "重点客户"}},
                                         {{"name", "王伟"}, {"gender", "男"}, {"mobile", "138-0013-8000"}}});
    record::Store store(shop.host, shop.clock);
    CHECK(std::get<long long>(store.read("contacts.contact", contact).value("customer_id")) == customer);
    CHECK(std::get<std::string>(store.read("contacts.customer", customer).value("status")) == "basic");
}

TEST_CASE("potential customers and above freeze, unfreezing follows the ladder", "[contacts]") {
    Shop shop;
    contacts::CustomerBook book(shop.host, shop.clock);
    auto add = [&](const char* name, const char* status) {
        long long id = book.add({{{"name", name}, {"category_id", "normal"}, {"phone", "021-55551234"}},
                                 {{"name", "陈静"}, {"gender", "女"}}})
                           .first;
        shop.database->withSession([&](soci::session& s) {
            s << "UPDATE contacts_customer SET status = :s WHERE id = :id", soci::use(std::string(status)), soci::use(id);
        });
        return id;
    };
    long long basic = add("基本客户", "basic"), pilot = add("试点客户", "pilot"), potential = add("潜在客户", "potential");
    CHECK_THROWS_WITH(book.freeze(basic), Catch::Contains("only potential customers and above can be frozen"));
    book.freeze(pilot);
    CHECK_THROWS_WITH(book.freeze(pilot), Catch::Contains("already frozen"));
    book.unfreeze(pilot);
    record::Store store(shop.host, shop.clock);
    CHECK(std::get<std::string>(store.read("contacts.customer", pilot).value("status")) == "successful");
    book.freeze(potential);
    book.unfreeze(potential);
    CHECK(std::get<std::string>(store.read("contacts.customer", potential).value("status")) == "potential");
    CHECK_THROWS_WITH(book.unfreeze(potential), Catch::Contains("not frozen"));
}
