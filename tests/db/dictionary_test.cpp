// The data dictionary's rules on both engines.
#include "test_database.hpp"

#include <tiller/dictionary/dictionary.hpp>
#include <tiller/errors.hpp>
#include <tiller/startup.hpp>

#include <catch2/catch.hpp>

using namespace tiller;

namespace {
struct Book {
    test::TestDatabase t;
    std::shared_ptr<db::Database> database = startup::openAndMigrate(t.url()).database;
    plugin::Registry registry;
    plugin::Host host{database, registry};
    SystemClock clock;
    dictionary::Dictionary book{host, clock};

    Book() {
        registry.setOwner("contacts");
        plugin::DictionaryKind industry;
        industry.id = "contacts.industry";
        industry.label = "Industry";
        industry.hierarchical = true;
        industry.systemValues = {{"trade", i18n::Text::given("Trade", {{"zh_CN", "贸易"}}), ""}};
        registry.add(industry);
        plugin::DictionaryKind address;
        address.id = "contacts.address_type";
        address.label = "Address type";
        address.systemValues = {{"office", i18n::Text::given("Office", {{"zh_CN", "办公地址"}}), ""},
                                {"delivery", i18n::Text::given("Delivery", {{"zh_CN", "收货地址"}}), ""}};
        registry.add(address);
        registry.add(plugin::DictionaryUse{"contacts.customer_industry", "contacts.industry", "test_customer", "industry_id", ""});
        database->withSession([](soci::session& s) { s << "CREATE TABLE test_customer (id INTEGER, industry_id BIGINT)"; });
        book.installSystemValues();
    }
};
}  // namespace

TEST_CASE("declared system values are installed once, with their translations", "[dictionary]") {
    Book b;
    b.book.installSystemValues();  // a second start adds nothing
    auto types = b.book.values("contacts.address_type");
    REQUIRE(types.size() == 2);
    CHECK(types[0].code == "office");
    CHECK(types[0].isSystem);
    CHECK(types[0].nameIn("zh_CN") == "办公地址");
    CHECK(types[0].nameIn("") == "Office");
}

TEST_CASE("a system value can be renamed but not deleted", "[dictionary]") {
    Book b;
    auto office = *b.book.find("contacts.address_type", "office");
    b.book.rename(office.id, office.version, "Head office");
    CHECK(b.book.find("contacts.address_type", "office")->name == "Head office");
    CHECK_THROWS_WITH(b.book.remove(office.id), Catch::Contains("system value") && Catch::Contains("renamed but not deleted"));
    CHECK_THROWS_AS(b.book.rename(office.id, office.version, "Stale"), Conflict);
}

TEST_CASE("a value in use cannot be deleted and the refusal says how many records use it", "[dictionary]") {
    Book b;
    long long retail = b.book.add("contacts.industry", "零售", std::nullopt, "retail");
    b.database->withSession([&](soci::session& s) {
        s << "INSERT INTO test_customer VALUES (1, :v)", soci::use(retail);
        s << "INSERT INTO test_customer VALUES (2, :v)", soci::use(retail);
    });
    CHECK(b.book.usage(retail) == 2);
    CHECK_THROWS_WITH(b.book.remove(retail), Catch::Contains("used by 2 record(s)"));
    b.database->withSession([](soci::session& s) { s << "DELETE FROM test_customer"; });
    b.book.remove(retail);
    CHECK_FALSE(b.book.find("contacts.industry", "retail"));
}

TEST_CASE("a tree keeps parents before children and a parent cannot go first", "[dictionary]") {
    Book b;
    long long trade = b.book.find("contacts.industry", "trade")->id;
    long long food = b.book.add("contacts.industry", "食品贸易", trade);
    b.book.add("contacts.industry", "茶叶", food);
    auto all = b.book.values("contacts.industry");
    REQUIRE(all.size() == 3);
    CHECK(all[1].parentId == trade);
    CHECK(all[2].parentId == food);
    CHECK_THROWS_WITH(b.book.remove(food), Catch::Contains("values below it"));
    long long office = b.book.find("contacts.address_type", "office")->id;
    CHECK_THROWS_WITH(b.book.add("contacts.address_type", "x", office), Catch::Contains("flat list"));
    CHECK_THROWS_WITH(b.book.add("nobody.kind", "x"), Catch::Contains("no installed plugin declares"));
    CHECK_THROWS_WITH(b.book.add("contacts.industry", " "), Catch::Contains("needs a name"));
}
