// Lists, queries, custom fields, saved queries and export on both engines.
#include "record_fixture.hpp"

#include <tiller/record/custom_fields.hpp>
#include <tiller/record/export.hpp>
#include <tiller/db/row.hpp>
#include <tiller/record/pager.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <random>
#include <sstream>

using namespace tiller;
using tiller::test::Shop;

namespace {

const char* kOrderList = R"(
id: shop.orders
entity: shop.order
columns: [id, number, amount, channel_id, owner_id]
sort: {field: id}
filters: [number, amount, channel_id]
)";

record::ListDefinition orders(Shop& shop) {
    return record::parseList(kOrderList, "orders.yaml", "tiller-shop",
                             [&](const std::string& id) { return shop.registry.entity(id); });
}

// 250 orders: every third without an amount, the others 1.00 .. 50.00, alternating channels.
void fill(Shop& shop) {
    auto store = shop.store();
    for (int i = 1; i <= 250; ++i) {
        record::Input in{{"number", "SO-" + std::to_string(1000 + i)}, {"channel_id", i % 2 ? "shop" : "online"}};
        if (i % 3) in.push_back({"amount", std::to_string(i % 50 + 1)});
        store->create("shop.order", in);
    }
}

std::vector<long long> allIdsDirectly(Shop& shop, const std::string& orderBy) {
    return shop.database->withSession([&](soci::session& s) {
        std::vector<long long> ids;
        soci::rowset<soci::row> rows = (s.prepare << "SELECT id FROM shop_order ORDER BY " + orderBy);
        for (const auto& r : rows) ids.push_back(db::integerAt(r, 0));
        return ids;
    });
}

std::string slurp(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("pages jumped to in any order match the whole list in every sort", "[record][list]") {
    Shop shop;
    fill(shop);
    bool sqlite = shop.t.engine() == db::Engine::sqlite;
    // Where each engine puts NULL amounts: first going up on SQLite, last on PostgreSQL.
    for (auto [sort, descending, orderBy] :
         {std::tuple<std::string, bool, std::string>{"id", false, "id"},
          {"id", true, "id DESC"},
          {"number", true, "number DESC, id DESC"},
          {"amount", false, sqlite ? "amount ASC, id ASC" : "amount ASC NULLS LAST, id ASC"},
          {"amount", true, sqlite ? "amount DESC, id DESC" : "amount DESC NULLS FIRST, id DESC"}}) {
        INFO(sort << (descending ? " descending" : ""));
        record::Query q;
        q.sortField = sort;
        q.descending = descending;
        record::RecordPager pager(shop.store(), orders(shop), q);
        REQUIRE(pager.count() == 250);
        auto expected = allIdsDirectly(shop, orderBy);
        std::vector<long long> seen(250, 0);
        std::vector<std::size_t> offsets;
        for (std::size_t o = 0; o < 250; o += 7) offsets.push_back(o);
        std::shuffle(offsets.begin(), offsets.end(), std::mt19937(42));
        for (auto o : offsets) {
            auto page = pager.page(o, 7);
            for (std::size_t i = 0; i < page.ids.size(); ++i) seen[o + i] = page.ids[i];
        }
        CHECK(seen == expected);
        CHECK(pager.page(249, 10).ids == std::vector<long long>{expected.back()});
        CHECK(pager.page(250, 10).ids.empty());
    }
}

TEST_CASE("a list's search and filters narrow it, bad filter values say why", "[record][list]") {
    Shop shop;
    fill(shop);
    record::Query q;
    q.search = "so-11";  // SO-1100 .. SO-1199, any case
    record::RecordPager pager(shop.store(), orders(shop), q);
    CHECK(pager.count() == 100);
    q.search.clear();
    q.conditions = {{"amount", record::Op::between, "10", "20.00"}, {"channel_id", record::Op::equals, "门店", ""}};
    pager.setQuery(q);
    auto expected = shop.database->withSession([](soci::session& s) {
        long long n = 0;
        s << "SELECT COUNT(*) FROM shop_order o JOIN core_dictionary_value v ON v.id = o.channel_id "
             "WHERE amount BETWEEN 1000 AND 2000 AND v.code = 'shop'",
            soci::into(n);
        return n;
    });
    CHECK(pager.count() == static_cast<std::size_t>(expected));
    q.conditions = {{"amount", record::Op::empty, "", ""}};
    pager.setQuery(q);
    CHECK(pager.count() == 83);
    auto rows = pager.rows(0, 1);
    CHECK(rows.at(0).at(2) == "");
    CHECK(rows.at(0).at(3) == "Shop");
    q.conditions = {{"amount", record::Op::atLeast, "lots", ""}};
    CHECK_THROWS_WITH(pager.setQuery(q), "amount: 'lots' is not an amount like 1234.50");
    q.conditions = {};
    q.sortField = "channel_id";
    CHECK_THROWS_WITH(pager.setQuery(q), Catch::Contains("cannot be sorted by this column"));
}

TEST_CASE("custom fields: added by the administrator, typed, searchable, fixed in name and type", "[record][custom]") {
    Shop shop;
    record::CustomFields fields(shop.host, shop.clock);
    record::CustomFieldDraft wechat;
    wechat.name = "wechat";
    wechat.type = record::FieldType::text;
    wechat.labels = {{"en", "WeChat"}, {"zh_CN", "微信"}};
    wechat.group = "Social";
    wechat.searchable = true;
    auto added = fields.add("shop.order", wechat);
    CHECK(added.name == "cf_wechat");
    record::CustomFieldDraft budget;
    budget.name = "budget";
    budget.type = record::FieldType::money;
    budget.labels = {{"zh_CN", "预算"}};
    budget.required = true;
    fields.add("shop.order", budget);

    auto store = shop.store();
    const auto& e = store->entity("shop.order");
    REQUIRE(e.field("cf_wechat"));
    CHECK(e.field("cf_budget")->label.source == "预算");
    CHECK_THROWS_WITH(store->create("shop.order", {{"number", "SO-1"}}), Catch::Contains("cf_budget: is required"));
    long long id = store->create("shop.order", {{"number", "SO-1"}, {"cf_wechat", "mei_wx"}, {"cf_budget", "99.90"}});
    CHECK(std::get<long long>(store->read("shop.order", id).value("cf_budget")) == 9990);
    CHECK_THROWS_WITH(store->create("shop.order", {{"number", "SO-2"}, {"cf_budget", "a lot"}}),
                      Catch::Contains("cf_budget: 'a lot' is not an amount"));

    // They show in lists (after the declared columns) and the search box finds them.
    record::Query q;
    q.search = "MEI_WX";
    record::RecordPager pager(store, orders(shop), q);
    CHECK(pager.count() == 1);
    CHECK(pager.columns().size() == 7);
    CHECK(pager.columns()[5].field == "cf_budget");  // by group ("" first), then order
    CHECK(pager.columns()[6].field == "cf_wechat");
    CHECK(pager.rows(0, 1)[0][5] == "99.90");

    // Names and types are checked, and fixed once saved.
    auto refused = [&](std::string name, const char* why) {
        record::CustomFieldDraft d = wechat;
        d.name = std::move(name);
        CHECK_THROWS_WITH(fields.add("shop.order", d), Catch::Contains(why));
    };
    refused("number", "already a built-in field");
    refused("wechat", "already a custom field 'wechat'");
    refused("We Chat", "must be lower case letters");
    refused("1st", "must be lower case letters");
    refused("", "must be lower case letters");
    record::CustomFieldDraft changed = wechat;
    changed.type = record::FieldType::integer;
    CHECK_THROWS_WITH(fields.change("shop.order", "cf_wechat", changed), Catch::Contains("type of a custom field is fixed"));
    changed = wechat;
    changed.enabled = false;
    changed.labels = {{"en", "WeChat ID"}};
    fields.change("shop.order", "cf_wechat", changed);
    auto after = record::Store(shop.host, shop.clock).entity("shop.order");
    CHECK_FALSE(after.field("cf_wechat")->enabled);
    CHECK(after.field("cf_wechat")->label.source == "WeChat ID");
    CHECK(record::RecordPager(shop.store(), orders(shop)).columns().size() == 6);  // disabled: not shown

    // An entity that does not opt in takes none; only administrators add them.
    shop.registry.add(record::parseEntity("{id: shop.note, table: shop_note, fields: [{name: text, type: text}]}", "n", "d"));
    CHECK_THROWS_WITH(fields.add("shop.note", wechat), Catch::Contains("does not take custom fields"));
    shop.signIn("mei");
    record::CustomFieldDraft other = wechat;
    other.name = "qq";
    CHECK_THROWS_AS(fields.add("shop.order", other), PermissionDenied);
}

TEST_CASE("saved queries are kept per person and list", "[record][list]") {
    Shop shop;
    record::SavedQueries saved(shop.host, shop.clock);
    record::Query big;
    big.conditions = {{"amount", record::Op::atLeast, "1000", ""}};
    big.sortField = "amount";
    big.descending = true;
    saved.save("shop.orders", "大单", big);
    saved.save("shop.orders", "大单", big);  // replaces
    auto list = saved.list("shop.orders");
    REQUIRE(list.size() == 1);
    CHECK(list[0].first == "大单");
    CHECK(list[0].second.toJson() == big.toJson());
    shop.signIn("mei");
    CHECK(record::SavedQueries(shop.host, shop.clock).list("shop.orders").empty());
    CHECK_THROWS_WITH(saved.save("shop.orders", "  ", big), Catch::Contains("give the query a name"));
    shop.signIn("admin");
    saved.remove("shop.orders", "大单");
    CHECK(saved.list("shop.orders").empty());
    CHECK_THROWS_AS(record::Query::fromJson("{not json"), ValidationError);
}

TEST_CASE("the current query exports to CSV and xlsx, a cancelled export leaves the old file", "[record][export]") {
    Shop shop;
    fill(shop);
    auto store = shop.store();
    store->create("shop.order", {{"number", "单号,\"引号\""}, {"amount", "1234.5"}});
    record::Query q;
    q.search = "单号";
    record::RecordPager one(store, orders(shop), q);
    auto csv = shop.t.dir().path() / "orders.csv";
    jobs::Silent silent;
    CHECK(record::exportList(one, csv, record::ExportFormat::csv, silent) == 1);
    CHECK(slurp(csv) == "\xEF\xBB\xBF\"No.\",\"number\",\"amount\",\"channel_id\",\"owner_id\"\r\n"
                        "\"251\",\"单号,\"\"引号\"\"\",\"1,234.50\",\"\",\"Administrator\"\r\n");

    record::RecordPager all(store, orders(shop));
    auto xlsx = shop.t.dir().path() / "orders.xlsx";
    CHECK(record::exportList(all, xlsx, record::ExportFormat::xlsx, silent) == 251);
    CHECK(slurp(xlsx).rfind("PK", 0) == 0);  // a zip container

    struct CancelAt : jobs::Progress {
        int polls = 0;
        jobs::Verdict poll(long long, long long) override { return ++polls > 0 ? jobs::Verdict::cancel : jobs::Verdict::proceed; }
    } cancel;
    std::string before = slurp(csv);
    CHECK_THROWS_AS(record::exportList(all, csv, record::ExportFormat::csv, cancel), jobs::JobCancelled);
    CHECK(slurp(csv) == before);
    CHECK_FALSE(std::filesystem::exists(csv.string() + ".part"));
    CHECK(cancel.polls == 1);
    CHECK_THROWS_WITH(record::exportList(all, shop.t.dir().path() / "no" / "such.csv", record::ExportFormat::csv, silent),
                      Catch::Contains("cannot write"));
    CHECK(record::exportFormatFor("a.XLSX") == record::ExportFormat::xlsx);
    CHECK_FALSE(record::exportFormatFor("a.pdf"));
}
