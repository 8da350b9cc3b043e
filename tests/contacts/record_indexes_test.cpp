// The contacts plugin's record hooks keep the phone and search indexes in step with every save
// and delete through record::Store, and its search provider answers within the data scope; on
// SQLite and PostgreSQL, with the plugin's own declarations, migrations and hooks.
#include "contacts_setup.hpp"
#include "core/contacts_contributions.hpp"
#include "core/contacts_search.hpp"
#include "core/customer_book.hpp"
#include "core/phone_index.hpp"
#include "core/search_index.hpp"

#include "test_database.hpp"

#include <tiller/dictionary/dictionary.hpp>
#include <tiller/migrations/migrator.hpp>
#include <tiller/startup.hpp>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace tiller;

namespace {

struct Shop {
    test::TestDatabase t;
    std::shared_ptr<db::Database> database = startup::openAndMigrate(t.url()).database;
    ManualClock clock{1'800'000'000'000LL};
    plugin::Registry registry;
    plugin::Host host{database, registry};

    Shop() { contacts::test::installContacts(registry, host, clock); }
    std::pair<long long, long long> add(const std::string& name, record::Input customer, record::Input contact) {
        customer.emplace_back("name", name);
        customer.emplace_back("category_id", "normal");
        return contacts::CustomerBook(host, clock).add({customer, contact});
    }
    std::vector<contacts::PhoneOwner> phone(const std::string& typed) { return contacts::PhoneIndex(*database).find(typed); }
    bool found(const std::string& query, const std::string& kind, long long id) {
        auto hits = contacts::SearchIndex(*database).search(query, 50);
        return std::any_of(hits.begin(), hits.end(), [&](const auto& h) { return h.kind == kind && h.recordId == id; });
    }
    int version(const std::string& entity, long long id) { return record::Store(host, clock).read(entity, id).version; }
};

// Sees only the records whose owner is `user`.
class OwnRecords : public plugin::PermissionChecker {
public:
    explicit OwnRecords(long long user) : user_(user) {}
    bool allows(const std::string&) const override { return true; }
    std::string condition(const std::string&, const std::string& column) const override {
        return column + " = " + std::to_string(user_);
    }
    std::optional<long long> userId() const override { return user_; }

private:
    long long user_;
};

using contacts::PhoneOwner;

}  // namespace

TEST_CASE("saving a customer through the Store indexes its numbers and texts, a delete removes them",
          "[contacts][search][hooks]") {
    Shop shop;
    auto [customer, contact] = shop.add("上海鑫盛贸易有限公司",
                                        {{"phone", "021-5555-1234"}, {"fax", "(021) 5555-9999"}, {"email", "sales@xinsheng.cn"}},
                                        {{"name", "张三"}, {"gender", "男"}, {"mobile", "138-0013-8000"}});
    // Every number, found however it is typed; the fax too.
    CHECK(shop.phone("+86 21 5555 1234") == std::vector<PhoneOwner>{{"customer", customer}});
    CHECK(shop.phone("02155559999") == std::vector<PhoneOwner>{{"customer", customer}});
    CHECK(shop.phone("+86 138 0013 8000") == std::vector<PhoneOwner>{{"contact", contact}});
    // The search index: name, pinyin, initials, one character, phone and e-mail fragments.
    for (std::string q : {"鑫", "鑫盛", "shanghai", "shxs", "5555-1234", "xinsheng.cn"}) {
        INFO(q);
        CHECK(shop.found(q, "customer", customer));
    }
    for (std::string q : {"张三", "张", "zhangsan", "zs", "13800138000"}) {
        INFO(q);
        CHECK(shop.found(q, "contact", contact));
    }

    // An update replaces the entries: the old name and number are gone, the new ones found.
    record::Store store(shop.host, shop.clock);
    store.update("contacts.customer", customer, shop.version("contacts.customer", customer),
                 {{"name", "上海博远机械厂"}, {"phone", "010-6552-1234"}});
    CHECK(shop.phone("021-55551234").empty());
    CHECK(shop.phone("+86 10 6552 1234") == std::vector<PhoneOwner>{{"customer", customer}});
    CHECK_FALSE(shop.found("鑫盛", "customer", customer));
    CHECK(shop.found("博远", "customer", customer));
    CHECK(shop.found("shbyjxc", "customer", customer));
    store.update("contacts.contact", contact, shop.version("contacts.contact", contact),
                 {{"name", "李四"}, {"mobile", ""}});
    CHECK(shop.phone("13800138000").empty());
    CHECK_FALSE(shop.found("zs", "contact", contact));
    CHECK(shop.found("ls", "contact", contact));

    // A delete takes the record's entries with it, and only its own.
    auto [other, otherContact] = shop.add("北京华信科技有限公司", {{"mobile", "139 1234 5678"}},
                                          {{"name", "王伟"}, {"gender", "男"}});
    store.remove("contacts.contact", contact);
    CHECK_FALSE(shop.found("李四", "contact", contact));
    CHECK(shop.phone("+86 10 6552 1234") == std::vector<PhoneOwner>{{"customer", customer}});
    store.remove("contacts.customer", customer);
    CHECK(shop.phone("+86 10 6552 1234").empty());
    CHECK_FALSE(shop.found("博远", "customer", customer));
    CHECK(shop.found("华信", "customer", other));
    CHECK(shop.found("王伟", "contact", otherContact));
    CHECK(shop.phone("13912345678") == std::vector<PhoneOwner>{{"customer", other}});
}

TEST_CASE("a save that fails leaves the indexes as they were", "[contacts][search][hooks]") {
    Shop shop;
    auto [customer, contact] = shop.add("杭州天成电子有限公司", {{"phone", "0571-8888-0000"}}, {{"name", "陈静"}, {"gender", "女"}});
    record::Store store(shop.host, shop.clock);
    const int version = shop.version("contacts.customer", customer);
    store.update("contacts.customer", customer, version, {{"phone", "0571-8888-1111"}});
    // A stale version is refused: neither the record nor its index entries change.
    CHECK_THROWS_AS(store.update("contacts.customer", customer, version, {{"name", "别的名字"}}), Conflict);
    CHECK(shop.found("天成", "customer", customer));
    CHECK_FALSE(shop.found("别的", "customer", customer));
    CHECK(shop.phone("057188881111") == std::vector<PhoneOwner>{{"customer", customer}});
    (void)contact;
}

TEST_CASE("the search provider finds customers and contacts within the person's data scope",
          "[contacts][search][provider]") {
    Shop shop;
    long long ann = 0, ben = 0;
    shop.database->withSession([&](soci::session& s) {
        s << "INSERT INTO core_user (login, name, active, created_at, updated_at) VALUES ('ann', 'Ann', 1, 0, 0)";
        s << "INSERT INTO core_user (login, name, active, created_at, updated_at) VALUES ('ben', 'Ben', 1, 0, 0)";
        s << "SELECT id FROM core_user WHERE login = 'ann'", soci::into(ann);
        s << "SELECT id FROM core_user WHERE login = 'ben'", soci::into(ben);
    });
    shop.host.setPermissions(std::make_shared<OwnRecords>(ann));
    auto [annsCustomer, annsContact] = shop.add("张三贸易有限公司", {{"phone", "010-6666-1234"}, {"email", "zs@trade.cn"}},
                                                {{"name", "张三"}, {"gender", "男"}, {"mobile", "138-0013-8000"}});
    shop.host.setPermissions(std::make_shared<OwnRecords>(ben));
    auto [bensCustomer, bensContact] = shop.add("张三丰武术馆", {{"mobile", "139-0000-1111"}},
                                                {{"name", "张三丰"}, {"gender", "男"}});

    shop.host.setPermissions(std::make_shared<OwnRecords>(ann));
    auto hits = contacts::searchCustomersAndContacts(shop.host, "zs", 20);
    REQUIRE(hits.size() == 2);
    // Ann's own two, best first; Ben's are not hers to see.
    CHECK(hits[0].title == "张三");
    CHECK(hits[0].viewId == "record:contacts.contact");
    CHECK(hits[0].recordId == annsContact);
    CHECK(hits[0].detail == "Contact · 张三贸易有限公司 · 138-0013-8000");
    CHECK(hits[1].title == "张三贸易有限公司");
    CHECK(hits[1].viewId == "record:contacts.customer");
    CHECK(hits[1].recordId == annsCustomer);
    CHECK(hits[1].detail == "Customer · 010-6666-1234 · zs@trade.cn");
    CHECK(hits[0].score > hits[1].score);

    shop.host.setPermissions(std::make_shared<OwnRecords>(ben));
    hits = contacts::searchCustomersAndContacts(shop.host, "张三", 20);
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].recordId == bensContact);  // title 张三丰 starts with the query
    CHECK(hits[1].recordId == bensCustomer);

    // Someone who sees everything finds all four; the exact title first.
    shop.host.setPermissions(std::make_shared<plugin::AllowEverything>());
    hits = contacts::searchCustomersAndContacts(shop.host, "张三", 20);
    REQUIRE(hits.size() == 4);
    CHECK(hits[0].title == "张三");
    CHECK(hits[0].score == Approx(1.0));
    CHECK(contacts::searchCustomersAndContacts(shop.host, "张三", 3).size() == 3);
    CHECK(contacts::searchCustomersAndContacts(shop.host, "  ", 20).empty());
    // The provider is contributed: the shell and tiller-cli find it in the registry.
    const auto& providers = shop.registry.searchProviders();
    REQUIRE(std::any_of(providers.begin(), providers.end(), [](const auto& p) { return p.id == "contacts.customers"; }));
}
