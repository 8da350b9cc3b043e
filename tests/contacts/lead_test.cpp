// Leads (SPEC §2.8) on SQLite and PostgreSQL: a new lead's status, conversion into a customer
// with its first contact in one transaction (rule 004 included), the extension point through
// which another plugin adds its record (an opportunity) to the same transaction, and demo leads.
#include "pool_shop.hpp"
#include "core/demo_customers.hpp"
#include "core/demo_leads.hpp"
#include "core/lead_book.hpp"
#include "core/lead_conversion.hpp"
#include "core/public_pool.hpp"

#include <catch2/catch.hpp>

using namespace contacts;
using contacts::test::kSales;
using contacts::test::PoolShop;

namespace {

std::string leadStatus(PoolShop& shop, long long lead) {
    return shop.database->withSession([&](soci::session& s) {
        std::string code;
        s << "SELECT v.code FROM contacts_lead l JOIN core_dictionary_value v ON v.id = l.status_id WHERE l.id = :id", soci::use(lead),
            soci::into(code);
        return code;
    });
}

// A stand-in for the opportunities plugin: its own table, and a step in every conversion.
void addOpportunitiesPlugin(PoolShop& shop, bool failing) {
    shop.database->withSession([](soci::session& s) {
        s << "CREATE TABLE test_opportunity (id INTEGER PRIMARY KEY, customer_id BIGINT NOT NULL, name TEXT NOT NULL)";
    });
    auto steps = shop.system.service<LeadConversionSteps>();
    REQUIRE(steps);
    steps->add({"opportunities_test.from_lead", [failing](tiller::plugin::Host&, soci::session& s, const ConvertedLead& lead) {
                    if (failing) throw tiller::Error("the opportunity could not be made");
                    std::string name = lead.name + " - first order";
                    s << "INSERT INTO test_opportunity (id, customer_id, name) VALUES (:i, :c, :n)", soci::use(lead.leadId),
                        soci::use(lead.customerId), soci::use(name);
                }});
}

}  // namespace

TEST_CASE("a new lead starts as new and becomes converted only by converting it", "[contacts][leads]") {
    PoolShop shop;
    auto wang = shop.as(shop.wangId, kSales);
    tiller::record::Store store(*wang, shop.clock);
    long long lead = store.create(kLeadEntity, {{"name", "星辰软件"}, {"contact_name", "林晓"}, {"source_id", "web"}});
    CHECK(leadStatus(shop, lead) == "new");
    CHECK(shop.ownerOf("contacts_lead", lead) == shop.wangId);
    auto read = store.read(kLeadEntity, lead);
    CHECK_THROWS_WITH(store.update(kLeadEntity, lead, read.version, {{"status_id", "converted"}}),
                      Catch::Contains("converting it into a customer"));
    CHECK(leadStatus(shop, lead) == "new");
    store.update(kLeadEntity, lead, read.version, {{"status_id", "qualified"}});
    CHECK(leadStatus(shop, lead) == "qualified");
}

TEST_CASE("converting a lead makes a customer and its first contact and marks the lead converted, in one go", "[contacts][leads]") {
    PoolShop shop;
    auto wang = shop.as(shop.wangId, kSales);
    tiller::record::Store store(*wang, shop.clock);
    long long lead = store.create(kLeadEntity, {{"name", "海韵贸易有限公司"}, {"contact_name", "郭强"}, {"mobile", "17712345678"},
                                                {"email", "guo@example.net"}, {"source_id", "show"}});
    LeadBook book(*wang, shop.clock);
    // Rule 004: the contact needs a gender; nothing is made without it.
    CHECK_THROWS_WITH(book.convert(lead, {"normal", {}, {}}), Catch::Contains("contact.gender"));
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_customer") == 0);
    CHECK(leadStatus(shop, lead) == "new");

    auto made = book.convert(lead, {"normal", {}, {{"gender", "男"}}});
    auto customer = store.read(kCustomerEntity, made.customerId);
    CHECK(std::get<std::string>(customer.value("name")) == "海韵贸易有限公司");
    CHECK(std::get<std::string>(customer.value("mobile")) == "17712345678");
    CHECK(std::get<long long>(customer.value("owner_id")) == shop.wangId);
    CHECK(store.dictionaryCode(std::get<long long>(customer.value("source_id"))) == "show");
    auto contact = store.read("contacts.contact", made.contactId);
    CHECK(std::get<std::string>(contact.value("name")) == "郭强");
    CHECK(std::get<long long>(contact.value("customer_id")) == made.customerId);
    CHECK(leadStatus(shop, lead) == "converted");
    CHECK(std::get<long long>(store.read(kLeadEntity, lead).value("converted_customer_id")) == made.customerId);

    CHECK_THROWS_WITH(book.convert(lead, {"normal", {}, {{"gender", "男"}}}), Catch::Contains("converted already"));
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_customer") == 1);
    CHECK_THROWS_AS(LeadBook(*shop.as(shop.liId, {"contacts.view", "contacts.edit"}), shop.clock).convert(lead, {"normal", {}, {}}),
                    tiller::PermissionDenied);
}

TEST_CASE("another plugin's conversion step runs in the conversion's transaction, when it fails nothing is converted", "[contacts][leads]") {
    PoolShop shop;
    auto wang = shop.as(shop.wangId, kSales);
    tiller::record::Store store(*wang, shop.clock);
    long long lead = store.create(kLeadEntity, {{"name", "青禾农业"}, {"contact_name", "马超"}, {"gender", "男"}, {"phone", "021-55551234"}});

    SECTION("the step adds its opportunity to the new customer") {
        addOpportunitiesPlugin(shop, false);
        auto made = LeadBook(*wang, shop.clock).convert(lead, {"key", {}, {}});
        CHECK(shop.count("SELECT COUNT(*) FROM test_opportunity WHERE customer_id = " + std::to_string(made.customerId)) == 1);
    }
    SECTION("a failing step undoes the customer, the contact and the lead's conversion") {
        addOpportunitiesPlugin(shop, true);
        CHECK_THROWS_WITH(LeadBook(*wang, shop.clock).convert(lead, {"key", {}, {}}), Catch::Contains("opportunity could not be made"));
        CHECK(shop.count("SELECT COUNT(*) FROM contacts_customer") == 0);
        CHECK(shop.count("SELECT COUNT(*) FROM contacts_contact") == 0);
        CHECK(leadStatus(shop, lead) == "new");
    }
}

TEST_CASE("a batch conversion converts each lead it can and names the others", "[contacts][leads][batch]") {
    PoolShop shop;
    auto wang = shop.as(shop.wangId, kSales);
    tiller::record::Store store(*wang, shop.clock);
    long long good = store.create(kLeadEntity, {{"name", "云帆教育"}, {"contact_name", "宋佳"}, {"gender", "女"}, {"mobile", "17700000001"}});
    long long noNumber = store.create(kLeadEntity, {{"name", "金桥建材"}, {"contact_name", "韩磊"}, {"gender", "男"}});
    auto result = LeadBook(*wang, shop.clock).convertAll({good, noNumber}, "normal");
    CHECK(result.done == 1);
    REQUIRE(result.refused.size() == 1);
    CHECK(result.refused[0].first == "金桥建材");
    CHECK_THAT(result.refused[0].second, Catch::Contains("mobile"));
}

TEST_CASE("demo data adds five leads per hundred customers and puts some leads and customers in the pool", "[contacts][leads]") {
    PoolShop shop;
    auto admin = shop.as(shop.adminId, {}, true);
    tiller::jobs::Silent silent;
    addDemoCustomers(*admin, 200, silent);
    auto added = addDemoLeads(*admin, 200, silent);
    CHECK(added.leads == 10);
    CHECK(added.pooled == 10);
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_lead") == 10);
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_lead WHERE owner_id IS NULL") == 4);
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_customer WHERE owner_id IS NULL") == 10);
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_lead WHERE status_id IS NULL OR source_id IS NULL") == 0);
}
