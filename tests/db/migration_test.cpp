#include "test_database.hpp"

#include <tiller/db/row.hpp>
#include <tiller/errors.hpp>
#include <tiller/migrations/migrator.hpp>

#include <catch2/catch.hpp>

using namespace tiller;
using migrations::Migration;
using migrations::Migrator;
using tiller::test::TestDatabase;

namespace {
const Migration kCreateItems{"shop", 1, "create_items",
                             "CREATE TABLE shop_item (id {{pk}}, name TEXT NOT NULL, "
                             "price {{money}} NOT NULL, added_at {{timestamp}});"};
const Migration kAddStock{"shop", 2, "add_stock",
                          "ALTER TABLE shop_item ADD COLUMN stock INTEGER NOT NULL DEFAULT 0;\n"
                          "INSERT INTO shop_item (name, price) VALUES ('茶叶', 2999);"};

bool tableExists(db::Database& database, const std::string& table) {
    return database.withSession([&](soci::session& s) {
        try {
            s << "SELECT COUNT(*) FROM " + table;
            return true;
        } catch (const std::exception&) {
            return false;
        }
    });
}

int recordedCount(db::Database& database) {
    return database.withSession([](soci::session& s) {
        int n = 0;
        s << "SELECT COUNT(*) FROM tiller_migrations", soci::into(n);
        return n;
    });
}
}  // namespace

TEST_CASE("pending migrations are applied in order and recorded with their checksum",
          "[migrations]") {
    TestDatabase t;
    auto database = t.open();
    Migrator migrator(*database);
    migrator.add(migrations::coreMigrations());
    migrator.add({kAddStock, kCreateItems});  // given out of order on purpose
    auto report = migrator.apply();
    const auto core = migrations::coreMigrations().size();
    REQUIRE(report.applied.size() == core + 2);
    CHECK(report.applied[0].owner == "core");
    CHECK(report.applied[core].name == "create_items");
    CHECK(report.applied[core + 1].name == "add_stock");
    CHECK(report.alreadyApplied == 0);

    database->withSession([](soci::session& s) {
        std::string checksum, product;
        s << "SELECT checksum FROM tiller_migrations WHERE owner = 'shop' AND number = 2",
            soci::into(checksum);
        CHECK(checksum == kAddStock.checksum());
        s << "SELECT value FROM core_meta WHERE key = 'product'", soci::into(product);
        CHECK(product == "tiller");
        // {{pk}} generates ids on both engines
        s << "INSERT INTO shop_item (name, price) VALUES ('咖啡', 1500)";
        soci::rowset<soci::row> rows = (s.prepare << "SELECT id, name, stock FROM shop_item ORDER BY id");
        std::vector<std::pair<long long, std::string>> seen;
        for (const auto& r : rows) seen.emplace_back(db::integerAt(r, 0), db::textAt(r, 1));
        CHECK(seen == std::vector<std::pair<long long, std::string>>{{1, "茶叶"}, {2, "咖啡"}});
    });
}

TEST_CASE("migrating again changes nothing", "[migrations]") {
    TestDatabase t;
    auto database = t.open();
    {
        Migrator first(*database);
        first.add({kCreateItems, kAddStock});
        first.apply();
    }
    Migrator again(*database);
    again.add({kCreateItems, kAddStock});
    CHECK(again.pending().empty());
    auto report = again.apply();
    CHECK(report.applied.empty());
    CHECK(report.alreadyApplied == 2);
    CHECK(recordedCount(*database) == 2);
}

TEST_CASE("an applied migration whose text changed is refused by name", "[migrations]") {
    TestDatabase t;
    auto database = t.open();
    {
        Migrator first(*database);
        first.add({kCreateItems});
        first.apply();
    }
    Migration tampered = kCreateItems;
    tampered.sql += "\n-- edited after release";
    Migrator second(*database);
    second.add({tampered, kAddStock});
    CHECK_THROWS_MATCHES(second.apply(), MigrationError,
                         Catch::Matchers::Predicate<MigrationError>([](const MigrationError& e) {
                             std::string m = e.what();
                             return m.find("shop/1 'create_items' was changed after it was applied") !=
                                    std::string::npos;
                         }));
    // Nothing after the refusal ran.
    CHECK(recordedCount(*database) == 1);
}

TEST_CASE("a migration that fails leaves nothing of itself behind", "[migrations]") {
    TestDatabase t;
    auto database = t.open();
    Migration broken{"shop", 3, "broken",
                     "CREATE TABLE shop_half (id {{pk}});\nINSERT INTO no_such_table VALUES (1);"};
    Migrator migrator(*database);
    migrator.add({kCreateItems, kAddStock, broken});
    CHECK_THROWS_WITH(migrator.apply(), Catch::Contains("shop/3 'broken' failed at statement 2") &&
                                            Catch::Contains("nothing of it was applied"));
    CHECK(tableExists(*database, "shop_item"));
    CHECK_FALSE(tableExists(*database, "shop_half"));
    CHECK(recordedCount(*database) == 2);
}

TEST_CASE("a database updated by a newer program is refused", "[migrations]") {
    TestDatabase t;
    auto database = t.open();
    {
        Migrator newer(*database);
        newer.add({kCreateItems, kAddStock});
        newer.apply();
    }
    Migrator older(*database);
    older.add({kCreateItems});
    CHECK_THROWS_WITH(older.apply(), Catch::Contains("shop/2 'add_stock'") &&
                                         Catch::Contains("newer version"));
}

TEST_CASE("migrations of a plugin that is not loaded are left alone", "[migrations]") {
    TestDatabase t;
    auto database = t.open();
    {
        Migrator withPlugin(*database);
        withPlugin.add({kCreateItems});
        withPlugin.apply();
    }
    Migrator without(*database);
    without.add(migrations::coreMigrations());
    CHECK(without.apply().applied.size() == migrations::coreMigrations().size());
}

TEST_CASE("duplicate migration numbers are refused before anything runs", "[migrations]") {
    TestDatabase t;
    auto database = t.open();
    Migrator migrator(*database);
    Migration twin = kAddStock;
    twin.number = 1;
    CHECK_THROWS_WITH(migrator.add({kCreateItems, twin}),
                      Catch::Contains("two migrations of shop have number 1"));
}
