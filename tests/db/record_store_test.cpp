// The record model on both engines: typed values, validation, stale saves, audit, data scope,
// approval locks and states.
#include "record_fixture.hpp"

#include <tiller/data/records.hpp>
#include <tiller/record/attachments.hpp>
#include <tiller/util/time_text.hpp>

#include <catch2/catch.hpp>

#include <fstream>

using namespace tiller;
using tiller::test::Shop;

namespace {
long long countOrders(Shop& shop) {
    return shop.database->withSession([](soci::session& s) {
        long long n = 0;
        s << "SELECT COUNT(*) FROM shop_order", soci::into(n);
        return n;
    });
}
}  // namespace

TEST_CASE("a record keeps every field type as typed by a person", "[record]") {
    Shop shop;
    auto store = shop.store();
    long long first = store->create("shop.order", {{"number", "SO-1"}});
    long long id = store->create("shop.order", {{"number", " SO-2 "},
                                                {"amount", "¥1,234.5"},
                                                {"quantity", "12"},
                                                {"due_on", "2026年3月8日"},
                                                {"ship_at", "2026-03-09 14:30"},
                                                {"paid", "是"},
                                                {"phone", "+86 138 0013 8000"},
                                                {"email", "Mei@Example.COM"},
                                                {"site", "tiller.example"},
                                                {"channel_id", "网店"},
                                                {"parent_id", "SO-1"},
                                                {"owner_id", "mei"}});
    auto r = store->read("shop.order", id);
    CHECK(r.version == 1);
    CHECK(std::get<std::string>(r.value("number")) == "SO-2");
    CHECK(std::get<long long>(r.value("amount")) == 123450);
    CHECK(std::get<long long>(r.value("quantity")) == 12);
    CHECK(std::get<std::string>(r.value("due_on")) == "2026-03-08");
    CHECK(std::get<long long>(r.value("ship_at")) == *util::parseLocalDateTime("2026-03-09 14:30"));
    CHECK(std::get<long long>(r.value("paid")) == 1);
    CHECK(std::get<std::string>(r.value("email")) == "Mei@example.com");
    CHECK(std::get<std::string>(r.value("site")) == "https://tiller.example");
    CHECK(std::get<long long>(r.value("parent_id")) == first);
    CHECK(std::holds_alternative<std::monostate>(r.value("kind")));
    const auto& e = store->entity("shop.order");
    CHECK(store->text(*e.field("amount"), r.value("amount")) == "1,234.50");
    CHECK(store->text(*e.field("channel_id"), r.value("channel_id")) == "Online");
    CHECK(store->text(*e.field("parent_id"), r.value("parent_id")) == "SO-1");
    CHECK(store->text(*e.field("owner_id"), r.value("owner_id")) == "Wang Mei");
    CHECK(store->text(*e.field("ship_at"), r.value("ship_at")) == "2026-03-09 14:30");

    auto history = shop.database->withSession([&](soci::session& s) { return data::history(s, "shop.order", id); });
    REQUIRE(history.size() == 1);
    CHECK(history[0].action == "create");
    CHECK(history[0].userName == "Administrator");
}

TEST_CASE("a record with bad values is refused field by field and nothing is stored", "[record]") {
    Shop shop;
    auto store = shop.store();
    record::Input bad{{"amount", "12.345"},  {"quantity", "0"},         {"due_on", "2026-02-30"},
                      {"paid", "maybe"},     {"phone", "call me"},      {"email", "mei@"},
                      {"channel_id", "fax"}, {"parent_id", "SO-404"},   {"owner_id", "nobody"},
                      {"state", "confirmed"}, {"colour", "red"}};
    try {
        store->create("shop.order", bad);
        FAIL("saved a record full of mistakes");
    } catch (const record::InvalidRecord& e) {
        std::map<std::string, std::string> why;
        for (const auto& f : e.errors()) why[f.field] = f.message;
        CHECK(why["number"] == "is required");
        CHECK(why["amount"] == "'12.345' is not an amount like 1234.50");
        CHECK(why["quantity"] == "must be at least 1");
        CHECK(why["due_on"] == "'2026-02-30' is not a date like 2026-03-08");
        CHECK(why["paid"] == "'maybe' is not yes or no");
        CHECK(why["phone"] == "'call me' is not a phone number");
        CHECK(why["email"] == "'mei@' is not an e-mail address");
        CHECK(why["channel_id"] == "'fax' is not one of the values of this list");
        CHECK(why["parent_id"] == "'SO-404' is not a record you can choose here");
        CHECK(why["owner_id"] == "'nobody' is not a user's login or name");
        CHECK(why["state"] == "is kept by Tiller and cannot be typed in");
        CHECK(why["colour"] == "is not a field of Order");
        CHECK(std::string(e.what()).find("number: is required") != std::string::npos);
    }
    CHECK_THROWS_WITH(store->create("shop.order", {{"number", "SO-123456789012345678901"}}),
                      Catch::Contains("longer than 20 characters"));
    CHECK(countOrders(shop) == 0);
    CHECK(store->check("shop.order", {{"number", "SO-1"}, {"amount", "-1"}}, true).at(0).message == "must be at least 0.00");
}

TEST_CASE("a stale save is refused naming who saved first and when, and their change is kept", "[record]") {
    Shop shop;
    shop.signIn("mei");
    long long id = shop.store()->create("shop.order", {{"number", "SO-7"}, {"quantity", "1"}});
    auto mine = shop.store()->read("shop.order", id);
    auto theirs = shop.store()->read("shop.order", id);
    shop.clock.advanceMinutes(5);
    CHECK(shop.store()->update("shop.order", id, theirs.version, {{"quantity", "2"}}) == 2);
    try {
        shop.store()->update("shop.order", id, mine.version, {{"quantity", "3"}});
        FAIL("a stale save went through");
    } catch (const Conflict& e) {
        std::string what = e.what();
        CHECK(what.find("Wang Mei saved this shop.order at " + util::localDateTime(shop.clock.nowMs())) == 0);
        CHECK(what.find("their changes are kept") != std::string::npos);
    }
    CHECK(std::get<long long>(shop.store()->read("shop.order", id).value("quantity")) == 2);
    // A save that changes nothing keeps the version.
    CHECK(shop.store()->update("shop.order", id, 2, {{"quantity", "2"}}) == 2);
}

TEST_CASE("people only read and change the records their data scope shows", "[record]") {
    Shop shop;
    shop.signIn("mei");
    long long meis = shop.store()->create("shop.order", {{"number", "SO-MEI"}});
    CHECK(shop.store()->read("shop.order", meis).value("owner_id") == data::Value(shop.host.actingUser().value()));
    shop.signIn("lei");
    long long leis = shop.store()->create("shop.order", {{"number", "SO-LEI"}});
    CHECK_THROWS_AS(shop.store()->read("shop.order", meis), NotFound);
    CHECK_THROWS_AS(shop.store()->update("shop.order", meis, 1, {{"quantity", "5"}}), NotFound);
    CHECK_THROWS_AS(shop.store()->remove("shop.order", meis), NotFound);
    CHECK(shop.store()->find("shop.order", "SO", 10).size() == 1);
    CHECK_FALSE(shop.store()->dictionaryId("shop.channel", "nothing"));
    // Lei cannot point at Mei's order either: it is not one he may choose.
    CHECK_THROWS_WITH(shop.store()->update("shop.order", leis, 1, {{"parent_id", "SO-MEI"}}),
                      Catch::Contains("is not a record you can choose here"));
    shop.signIn("admin");
    CHECK(shop.store()->find("shop.order", "so-", 10).size() == 2);
    shop.store()->remove("shop.order", meis);
    CHECK(countOrders(shop) == 1);
    auto history = shop.database->withSession([&](soci::session& s) { return data::history(s, "shop.order", meis); });
    REQUIRE(history.size() == 2);
    CHECK(history[1].action == "delete");
}

TEST_CASE("a record in a locking approval cannot be changed, the flow sets its state", "[record]") {
    Shop shop;
    auto store = shop.store();
    long long id = store->create("shop.order", {{"number", "SO-9"}, {"amount", "5000"}});
    long long instance = store->submit("shop.order", id, "shop.order_approval");
    auto pending = store->read("shop.order", id);
    CHECK(std::get<std::string>(pending.value("state")) == "pending");
    CHECK_THROWS_WITH(store->update("shop.order", id, pending.version, {{"amount", "1"}}),
                      Catch::Contains("waiting for approval"));
    CHECK_THROWS_WITH(store->remove("shop.order", id), Catch::Contains("waiting for approval"));
    approval::Engine(shop.host, shop.clock).approve(instance, "fine");
    auto done = store->read("shop.order", id);
    CHECK(std::get<std::string>(done.value("state")) == "confirmed");
    CHECK(store->update("shop.order", id, done.version, {{"amount", "1"}}) == done.version + 1);
}

TEST_CASE("files attach to a record and go with it", "[record]") {
    Shop shop;
    auto store = shop.store();
    long long id = store->create("shop.order", {{"number", "SO-10"}});
    auto file = shop.t.dir().path() / "报价单.txt";
    std::ofstream(file, std::ios::binary) << std::string("quote\0with a NUL", 16);
    record::Attachments files(*store);
    long long a = files.add("shop.order", id, "files", file);
    auto listed = files.list("shop.order", id, "files");
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].fileName == "报价单.txt");
    CHECK(listed[0].size == 16);
    CHECK(files.content(a) == std::string("quote\0with a NUL", 16));
    CHECK_THROWS_WITH(files.add("shop.order", id, "number", file), Catch::Contains("is not an attachments field"));
    CHECK_THROWS_WITH(files.add("shop.order", id, "files", shop.t.dir().path() / "missing.txt"),
                      Catch::Contains("cannot be read"));
    store->remove("shop.order", id);
    CHECK_THROWS_AS(files.content(a), NotFound);
}

TEST_CASE("plugins' record hooks run inside the save and may refuse a delete", "[record]") {
    Shop shop;
    shop.database->withSession([](soci::session& s) {
        s << "CREATE TABLE shop_line (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL, written INTEGER NOT NULL)";
    });
    // Another plugin keeps one row per order in step, and forbids deleting an order whose
    // number starts with "KEEP".
    shop.registry.setOwner("lines");
    plugin::RecordHook hook;
    hook.id = "lines.order_lines";
    hook.entity = "shop.order";
    hook.afterWrite = [](plugin::Host&, soci::session& s, long long id, bool created) {
        if (created) s << "INSERT INTO shop_line (id, order_id, written) VALUES (:i, :o, 1)", soci::use(id), soci::use(id);
        else s << "UPDATE shop_line SET written = written + 1 WHERE order_id = :o", soci::use(id);
        std::string number;
        s << "SELECT number FROM shop_order WHERE id = :i", soci::use(id), soci::into(number);
        if (number == "BAD") throw ValidationError("number", "the lines plugin does not accept BAD");
    };
    hook.refuseDelete = [](plugin::Host&, soci::session& s, long long id) -> std::optional<std::string> {
        std::string number;
        s << "SELECT number FROM shop_order WHERE id = :i", soci::use(id), soci::into(number);
        if (number.rfind("KEEP", 0) == 0) return std::string("it has open lines");
        return std::nullopt;
    };
    hook.beforeDelete = [](plugin::Host&, soci::session& s, long long id) {
        s << "DELETE FROM shop_line WHERE order_id = :o", soci::use(id);
    };
    shop.registry.add(hook);
    auto lines = [&](long long order) {
        return shop.database->withSession([&](soci::session& s) {
            long long written = -1;
            soci::indicator ind;
            s << "SELECT written FROM shop_line WHERE order_id = :o", soci::use(order), soci::into(written, ind);
            return s.got_data() ? written : -1LL;
        });
    };
    auto store = shop.store();
    long long id = store->create("shop.order", {{"number", "SO-1"}});
    CHECK(lines(id) == 1);
    store->update("shop.order", id, 1, {{"quantity", "3"}});
    CHECK(lines(id) == 2);

    // A hook that throws rolls the record's own change back.
    CHECK_THROWS_WITH(store->update("shop.order", id, 2, {{"number", "BAD"}}), Catch::Contains("does not accept BAD"));
    CHECK(data::displayValue(store->read("shop.order", id).value("number")) == "SO-1");
    CHECK(lines(id) == 2);
    long long before = countOrders(shop);
    CHECK_THROWS(store->create("shop.order", {{"number", "BAD"}}));
    CHECK(countOrders(shop) == before);

    long long kept = store->create("shop.order", {{"number", "KEEP-1"}});
    CHECK_THROWS_WITH(store->remove("shop.order", kept), Catch::Contains("KEEP-1 cannot be deleted: it has open lines"));
    CHECK(lines(kept) == 1);
    store->remove("shop.order", id);
    CHECK(lines(id) == -1);
    CHECK(countOrders(shop) == before);
}
