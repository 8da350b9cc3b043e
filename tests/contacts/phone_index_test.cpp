// The phone index (contacts_phone, migration 001) on SQLite and PostgreSQL: every format of a
// number finds the same owner; invalid numbers are kept as typed and flagged.
#include "core/phone_index.hpp"

#include "test_database.hpp"

#include <tiller/db/row.hpp>
#include <tiller/migrations/migrator.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace contacts;
using tiller::test::TestDatabase;

namespace {

// The migration as reviewed, read from the source tree (no other contacts migration is needed).
void createPhoneIndex(tiller::db::Database& database) {
    std::ifstream file(TILLER_CONTACTS_MIGRATIONS "/001_create_phone_index.sql");
    REQUIRE(file);
    std::stringstream sql;
    sql << file.rdbuf();
    tiller::migrations::Migrator migrator(database);
    migrator.add({{"contacts", 1, "create_phone_index", sql.str()}});
    REQUIRE(migrator.apply().applied.size() == 1);
}

const std::vector<PhoneOwner> kCustomer42{{"customer", 42}};

}  // namespace

TEST_CASE("every format of a number finds the customer it was saved on", "[contacts][phone]") {
    TestDatabase t;
    auto database = t.open();
    createPhoneIndex(*database);
    PhoneIndex index(*database);
    index.replace("customer", 42, {"138-0013-8000", "(021) 5555-1234"});
    index.replace("customer", 7, {"+86 139 1234 5678"});

    for (std::string typed : {"+86 138 0013 8000", "0086-13800138000", "138-0013-8000",
                              "013800138000", "+8613800138000", "13800138000",
                              "(021) 5555-1234", "021-55551234", "021-55551234 ext 12",
                              "021-55551234转12"}) {
        INFO(typed);
        CHECK(index.find(typed) == kCustomer42);
    }
    CHECK(index.find("13912345678") == std::vector<PhoneOwner>{{"customer", 7}});
    CHECK(index.find("13700000000").empty());
    CHECK(index.find("").empty());
    CHECK(index.find("abc").empty());
}

TEST_CASE("one number shared by a customer and a contact finds both", "[contacts][phone]") {
    TestDatabase t;
    auto database = t.open();
    createPhoneIndex(*database);
    PhoneIndex index(*database);
    index.replace("customer", 42, {"021-55551234"});
    index.replace("contact", 9, {"+86 21 5555 1234", "021-55551234"});
    CHECK(index.find("(021) 5555-1234") ==
          std::vector<PhoneOwner>{{"contact", 9}, {"customer", 42}});
}

TEST_CASE("replacing an owner's numbers forgets the old ones and keeps invalid ones as typed",
          "[contacts][phone]") {
    TestDatabase t;
    auto database = t.open();
    createPhoneIndex(*database);
    PhoneIndex index(*database);
    index.replace("customer", 42, {"138-0013-8000"});
    index.replace("customer", 42, {"12345", "", "abc", "021-55551234"});

    CHECK(index.find("13800138000").empty());
    CHECK(index.find("12345") == kCustomer42);
    CHECK(index.find("021 5555 1234") == kCustomer42);

    database->withSession([](soci::session& s) {
        soci::rowset<soci::row> rows =
            (s.prepare << "SELECT raw, lookup_key, e164, valid FROM contacts_phone "
                          "WHERE owner_kind = 'customer' AND owner_id = 42 ORDER BY sort_order");
        std::vector<std::string> seen;
        for (const auto& r : rows) {
            seen.push_back(tiller::db::textAt(r, 0) + "|" + tiller::db::textAt(r, 1) + "|" +
                           tiller::db::textAt(r, 2) + "|" + tiller::db::displayAt(r, 3));
        }
        CHECK(seen == std::vector<std::string>{"12345|12345||0", "abc|||0",
                                               "021-55551234|862155551234|+862155551234|1"});
    });

    index.replace("customer", 42, {});
    CHECK(index.find("021-55551234").empty());
}
