// Merging duplicate customers (SPEC §2.10) on SQLite and PostgreSQL: one transaction moves the
// other customer's contacts, addresses, files and other plugins' records (through a MergeHook,
// proved here by a test plugin's own table), deletes it, and audits the merge on the one kept.
#include "contacts_shop.hpp"
#include "core/customer_merger.hpp"

#include <tiller/data/records.hpp>
#include <tiller/record/store.hpp>

#include <catch2/catch.hpp>

using namespace contacts;
using contacts::test::Shop;

namespace {

// A stand-in for another plugin (orders): its own table pointing at customers, a merge hook
// that moves its rows, and the record hook that refuses deleting a customer that has orders.
void addOrdersPlugin(Shop& shop, bool failing = false) {
    shop.database->withSession([](soci::session& s) {
        s << "CREATE TABLE test_order (id INTEGER PRIMARY KEY, customer_id BIGINT NOT NULL, amount INTEGER NOT NULL)";
    });
    shop.registry.setOwner("orders_test");
    tiller::plugin::MergeHook move;
    move.id = "orders_test.customer_orders";
    move.entity = "contacts.customer";
    move.label = "Orders";
    move.move = [failing](tiller::plugin::Host&, soci::session& s, long long from, long long to) -> long long {
        if (failing) throw tiller::Error("the orders could not be moved");
        soci::statement st = (s.prepare << "UPDATE test_order SET customer_id = :to WHERE customer_id = :from", soci::use(to),
                              soci::use(from));
        st.execute(true);
        return st.get_affected_rows();
    };
    shop.registry.add(move);
    tiller::plugin::RecordHook refuse;
    refuse.id = "orders_test.keep_customers_with_orders";
    refuse.entity = "contacts.customer";
    refuse.refuseDelete = [](tiller::plugin::Host&, soci::session& s, long long id) -> std::optional<std::string> {
        long long n = 0;
        s << "SELECT COUNT(*) FROM test_order WHERE customer_id = :id", soci::use(id), soci::into(n);
        if (n) return "it has " + std::to_string(n) + " orders";
        return std::nullopt;
    };
    shop.registry.add(refuse);
}

struct TwoCustomers {
    long long keep = 0, other = 0;
    explicit TwoCustomers(Shop& shop) {
        keep = shop.add("北京华信科技有限公司", {{"phone", "010-62345678"}, {"email", "info@huaxin.cn"}}, {{"name", "王伟"}, {"gender", "男"}});
        other = shop.add("华信科技", {{"mobile", "13800138000"}, {"website", "https://huaxin.example"}},
                         {{"name", "李娜"}, {"gender", "女"}, {"mobile", "13900139000"}});
        tiller::record::Store store(shop.host, shop.clock);
        store.create("contacts.address", {{"customer_id", std::to_string(other)}, {"type_id", "delivery"}, {"address", "北京市海淀区中关村大街1号"}});
        store.create("contacts.address", {{"customer_id", std::to_string(keep)}, {"type_id", "office"}, {"address", "北京市朝阳区建国路88号"}});
        shop.database->withSession([&](soci::session& s) {
            s << "INSERT INTO core_attachment (entity, record_id, field, file_name, size, content, added_at) "
                 "VALUES ('contacts.customer', :id, 'files', 'contract.pdf', 3, 'YWJj', 1)",
                soci::use(other);
            s << "INSERT INTO test_order (id, customer_id, amount) VALUES (1, :id, 100)", soci::use(other);
            s << "INSERT INTO test_order (id, customer_id, amount) VALUES (2, :id, 200)", soci::use(other);
            s << "INSERT INTO test_order (id, customer_id, amount) VALUES (3, :id, 300)", soci::use(keep);
        });
    }
};

std::map<std::string, std::string> mergeEntry(Shop& shop, long long id) {
    auto entries = shop.database->withSession([&](soci::session& s) { return tiller::data::history(s, "contacts.customer", id); });
    std::map<std::string, std::string> out;
    for (const auto& e : entries)
        if (!e.changes.empty() && e.changes.front().field == "merged_customer")
            for (const auto& c : e.changes) out[c.field] = c.after;
    return out;
}

}  // namespace

TEST_CASE("a merge moves contacts, addresses, files and other plugins' records, then deletes the other customer",
          "[contacts][merge]") {
    Shop shop;
    addOrdersPlugin(shop);
    TwoCustomers two(shop);
    auto keep = std::to_string(two.keep), other = std::to_string(two.other);

    auto report = CustomerMerger(shop.host, shop.clock).merge({two.keep, two.other, 0, 0, {"mobile", "website"}});
    CHECK(report.keptId == two.keep);
    CHECK(report.contactsMoved == 1);
    CHECK(report.addressesMoved == 1);
    CHECK(report.filesMoved == 1);
    // The contacts plugin's own hooks (pool, value assessment ...) report too; the test plugin's moved 2.
    auto ours = std::find_if(report.movedByPlugins.begin(), report.movedByPlugins.end(),
                             [](const auto& m) { return m.first == "orders_test.customer_orders"; });
    REQUIRE(ours != report.movedByPlugins.end());
    CHECK(ours->second == 2);

    CHECK(shop.count("SELECT COUNT(*) FROM contacts_customer") == 1);
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_contact WHERE customer_id = " + keep) == 2);
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_address WHERE customer_id = " + keep) == 2);
    CHECK(shop.count("SELECT COUNT(*) FROM core_attachment WHERE record_id = " + keep) == 1);
    CHECK(shop.count("SELECT COUNT(*) FROM test_order WHERE customer_id = " + keep) == 3);

    // The chosen values came over; the others stayed the kept customer's.
    tiller::record::Store store(shop.host, shop.clock);
    auto kept = store.read("contacts.customer", two.keep);
    CHECK(std::get<std::string>(kept.value("name")) == "北京华信科技有限公司");
    CHECK(std::get<std::string>(kept.value("mobile")) == "13800138000");
    CHECK(std::get<std::string>(kept.value("phone")) == "010-62345678");
    CHECK(std::get<std::string>(kept.value("website")) == "https://huaxin.example");
    // The phone index follows: the other's own entries are gone, its number finds the kept one.
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_phone WHERE owner_kind = 'customer' AND owner_id = " + other) == 0);
    auto owners = PhoneIndex(*shop.database).find("+86 138 0013 8000");
    CHECK(owners == std::vector<PhoneOwner>{{"customer", two.keep}});

    // The audit: the merge on the kept customer with the other's values, the other's delete.
    auto entry = mergeEntry(shop, two.keep);
    CHECK(entry["merged_customer"] == other + ": 华信科技");
    CHECK(entry["merged.name"] == "华信科技");
    CHECK(entry["merged.mobile"] == "13800138000");
    CHECK(entry["taken_from_merged"] == "mobile, website");
    CHECK(entry["moved.contacts"] == "1");
    CHECK(entry["moved.orders_test.customer_orders"] == "2");
    auto gone = shop.database->withSession([&](soci::session& s) { return tiller::data::history(s, "contacts.customer", two.other); });
    REQUIRE_FALSE(gone.empty());
    CHECK(gone.back().action == "delete");
    auto moved = shop.database->withSession([&](soci::session& s) {
        long long contact = 0;
        s << "SELECT id FROM contacts_contact WHERE name = '李娜'", soci::into(contact);
        return tiller::data::history(s, "contacts.contact", contact);
    });
    CHECK(moved.back().changes.at(0).field == "customer_id");
    CHECK(moved.back().changes.at(0).after == keep);
}

TEST_CASE("a stale merge is refused and both customers stay as they were", "[contacts][merge]") {
    Shop shop;
    addOrdersPlugin(shop);
    TwoCustomers two(shop);
    tiller::record::Store store(shop.host, shop.clock);
    int keepSeen = store.read("contacts.customer", two.keep).version;
    int otherSeen = store.read("contacts.customer", two.other).version;
    // Someone changes the kept customer after the merge screen was opened.
    store.update("contacts.customer", two.keep, keepSeen, {{"notes", "更新"}});
    CustomerMerger merger(shop.host, shop.clock);
    CHECK_THROWS_AS(merger.merge({two.keep, two.other, keepSeen, otherSeen, {"mobile"}}), tiller::Conflict);
    // ... or the other one.
    int keepNow = store.read("contacts.customer", two.keep).version;
    store.update("contacts.customer", two.other, otherSeen, {{"notes", "也更新"}});
    CHECK_THROWS_AS(merger.merge({two.keep, two.other, keepNow, otherSeen, {}}), tiller::Conflict);
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_customer") == 2);
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_contact WHERE customer_id = " + std::to_string(two.other)) == 1);
    CHECK(shop.count("SELECT COUNT(*) FROM test_order WHERE customer_id = " + std::to_string(two.other)) == 2);
    CHECK(mergeEntry(shop, two.keep).empty());
}

TEST_CASE("a failing merge hook rolls the whole merge back", "[contacts][merge]") {
    Shop shop;
    addOrdersPlugin(shop, true);
    TwoCustomers two(shop);
    CHECK_THROWS_WITH(CustomerMerger(shop.host, shop.clock).merge({two.keep, two.other, 0, 0, {"mobile"}}),
                      Catch::Contains("the orders could not be moved"));
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_customer") == 2);
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_contact WHERE customer_id = " + std::to_string(two.other)) == 1);
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_address WHERE customer_id = " + std::to_string(two.other)) == 1);
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_phone WHERE owner_kind = 'customer' AND owner_id = " + std::to_string(two.other)) == 1);
    tiller::record::Store store(shop.host, shop.clock);
    CHECK_FALSE(std::holds_alternative<std::string>(store.read("contacts.customer", two.keep).value("mobile")));
}

TEST_CASE("a customer cannot be merged into itself, nor without the merge permission", "[contacts][merge]") {
    Shop shop;
    addOrdersPlugin(shop);
    TwoCustomers two(shop);
    CustomerMerger merger(shop.host, shop.clock);
    CHECK_THROWS_WITH(merger.merge({two.keep, two.keep, 0, 0, {}}), Catch::Contains("cannot be merged into itself"));
    CHECK_THROWS_WITH(merger.merge({two.keep, two.other, 0, 0, {"status"}}), Catch::Contains("status: is not a field a merge can take"));
    CHECK_THROWS_WITH(merger.merge({two.keep, two.other, 0, 0, {"no_such_field"}}), Catch::Contains("no_such_field"));
    CHECK_THROWS_AS(merger.merge({two.keep, 9999, 0, 0, {}}), tiller::NotFound);
    shop.host.setPermissions(std::make_shared<contacts::test::AllowAllBut>(std::set<std::string>{"contacts.merge"}));
    CHECK_THROWS_AS(merger.merge({two.keep, two.other, 0, 0, {}}), tiller::PermissionDenied);
    CHECK(shop.count("SELECT COUNT(*) FROM contacts_customer") == 2);
    // The fields a merge offers: typed ones, not the status or the approval state.
    std::vector<std::string> names;
    for (const auto* f : merger.fields()) names.push_back(f->name);
    CHECK(std::find(names.begin(), names.end(), "mobile") != names.end());
    CHECK(std::find(names.begin(), names.end(), "status") == names.end());
    CHECK(std::find(names.begin(), names.end(), "state") == names.end());
}
