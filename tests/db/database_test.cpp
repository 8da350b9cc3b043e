#include "test_database.hpp"

#include <tiller/db/row.hpp>
#include <tiller/db/transaction.hpp>
#include <tiller/errors.hpp>

#include <catch2/catch.hpp>

#include <soci/sqlite3/soci-sqlite3.h>

#include <fstream>

using namespace tiller;
using tiller::test::TestDatabase;

namespace {
void createNotes(db::Database& database) {
    database.withSession([](soci::session& s) {
        s << "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)";
    });
}

int countNotes(db::Database& database) {
    return database.withSession([](soci::session& s) {
        int n = 0;
        s << "SELECT COUNT(*) FROM notes", soci::into(n);
        return n;
    });
}
}  // namespace

TEST_CASE("a transaction that is not committed leaves nothing behind", "[db]") {
    TestDatabase t;
    auto database = t.open();
    createNotes(*database);
    CHECK_THROWS_WITH(database->inTransaction([](soci::session& s) {
        s << "INSERT INTO notes (id, body) VALUES (1, 'kept?')";
        throw std::runtime_error("the user cancelled");
    }),
                      "the user cancelled");
    CHECK(countNotes(*database) == 0);

    database->inTransaction(
        [](soci::session& s) { s << "INSERT INTO notes (id, body) VALUES (1, 'kept')"; });
    CHECK(countNotes(*database) == 1);
}

TEST_CASE("a committed change is seen by every session of the pool", "[db]") {
    TestDatabase t;
    auto database = t.open({.poolSize = 3});
    createNotes(*database);
    auto a = database->lease();
    auto b = database->lease();
    *a << "INSERT INTO notes (id, body) VALUES (1, 'one')";
    int n = 0;
    *b << "SELECT COUNT(*) FROM notes", soci::into(n);
    CHECK(n == 1);
}

TEST_CASE("bound parameters keep hostile and Chinese text as plain data", "[db]") {
    TestDatabase t;
    auto database = t.open();
    createNotes(*database);
    const std::string hostile = "'); DROP TABLE notes; -- 张三的备注";
    database->withSession([&](soci::session& s) {
        s << "INSERT INTO notes (id, body) VALUES (1, :body)", soci::use(hostile);
    });
    std::string back = database->withSession([](soci::session& s) {
        std::string body;
        s << "SELECT body FROM notes WHERE id = 1", soci::into(body);
        return body;
    });
    CHECK(back == hostile);
}

TEST_CASE("a failing statement is a DatabaseError that names the database", "[db]") {
    TestDatabase t;
    auto database = t.open();
    CHECK_THROWS_MATCHES(
        database->withSession([](soci::session& s) { s << "SELECT * FROM no_such_table"; }),
        DatabaseError, Catch::Matchers::Predicate<DatabaseError>([&](const DatabaseError& e) {
            return std::string(e.what()).find(t.url().redacted()) != std::string::npos;
        }));
    // The session is still usable afterwards.
    CHECK_NOTHROW(database->withSession([](soci::session& s) { s << "SELECT 1"; }));
}

TEST_CASE("integers read the same from either engine", "[db]") {
    TestDatabase t;
    auto database = t.open();
    database->withSession([](soci::session& s) {
        s << "CREATE TABLE amounts (small INTEGER, big BIGINT, maybe BIGINT)";
        s << "INSERT INTO amounts VALUES (7, 9007199254740993, NULL)";
        soci::row row;
        s << "SELECT small, big, maybe FROM amounts", soci::into(row);
        CHECK(db::integerAt(row, 0) == 7);
        CHECK(db::integerAt(row, 1) == 9007199254740993LL);
        CHECK_FALSE(db::optionalIntegerAt(row, 2));
    });
}

TEST_CASE("a new SQLite database is created with its folder, in WAL mode, with foreign keys",
          "[db][sqlite-only]") {
    test::TempDir dir;
    auto url = db::DatabaseUrl::sqliteFile(dir / "新建文件夹" / "shop.db");
    auto database = db::Database::open(url);
    CHECK(std::filesystem::exists(dir / "新建文件夹" / "shop.db"));
    database->withSession([](soci::session& s) {
        std::string mode;
        int fk = 0;
        s << "PRAGMA journal_mode", soci::into(mode);
        s << "PRAGMA foreign_keys", soci::into(fk);
        CHECK(mode == "wal");
        CHECK(fk == 1);
    });
}

TEST_CASE("a SQLite database locked by another program is reported and nothing changes",
          "[db][sqlite-only]") {
    TestDatabase t;
    auto database = t.open({.poolSize = 1, .busyTimeoutMs = 200});
    createNotes(*database);
    soci::session other(soci::sqlite3, "db=\"" + t.url().path().string() + "\"");
    other << "BEGIN EXCLUSIVE";
    try {
        database->withSession(
            [](soci::session& s) { s << "INSERT INTO notes (id, body) VALUES (1, 'x')"; });
        FAIL("the write went through a lock");
    } catch (const DatabaseUnavailable& e) {
        CHECK_THAT(e.what(), Catch::Contains("locked by another program"));
        CHECK_THAT(e.what(), Catch::Contains(t.url().path().string()));
    }
    other << "ROLLBACK";
    CHECK(countNotes(*database) == 0);
}

TEST_CASE("a file that is not a database is refused and left as it was", "[db][sqlite-only]") {
    test::TempDir dir;
    auto file = test::writeFile(dir / "notes.txt", std::string(5000, 'x'));
    try {
        db::Database::open(db::DatabaseUrl::sqliteFile(file));
        FAIL("opened");
    } catch (const DatabaseUnavailable& e) {
        CHECK_THAT(e.what(), Catch::Contains("not a database or is damaged"));
    }
    CHECK(test::readFile(file) == std::string(5000, 'x'));
}

TEST_CASE("a folder given as the database is refused", "[db][sqlite-only]") {
    test::TempDir dir;
    CHECK_THROWS_WITH(db::Database::open(db::DatabaseUrl::sqliteFile(dir.path())),
                      Catch::Contains("is a folder"));
}

TEST_CASE("an unreachable server is reported with the password hidden", "[db][postgres-only]") {
    auto unreachable = db::DatabaseUrl::parse("postgresql://u:topsecret@127.0.0.1:1/shop");
    try {
        db::Database::open(unreachable);
        FAIL("connected");
    } catch (const DatabaseUnavailable& e) {
        CHECK_THAT(e.what(), Catch::Contains("cannot connect to postgresql://u:***@127.0.0.1:1/shop"));
        CHECK_THAT(e.what(), Catch::Contains("refused"));
        CHECK_THAT(e.what(), !Catch::Contains("topsecret"));
    }
}

TEST_CASE("a dropped PostgreSQL connection is reported, loses no committed data, and reconnects",
          "[db][postgres-only]") {
    TestDatabase t;
    auto database = t.open({.poolSize = 1});
    createNotes(*database);
    database->withSession(
        [](soci::session& s) { s << "INSERT INTO notes (id, body) VALUES (1, 'committed')"; });

    auto admin = db::Database::open(TestDatabase::serverUrl(), {.poolSize = 1});
    try {
        database->inTransaction([&](soci::session& s) {
            s << "INSERT INTO notes (id, body) VALUES (2, 'half-written')";
            int pid = 0;
            s << "SELECT pg_backend_pid()", soci::into(pid);
            admin->withSession([&](soci::session& a) {
                a << "SELECT pg_terminate_backend(:pid)", soci::use(pid);
            });
            s << "INSERT INTO notes (id, body) VALUES (3, 'after the drop')";
        });
        FAIL("the transaction survived a dropped connection");
    } catch (const DatabaseUnavailable& e) {
        CHECK_THAT(e.what(), Catch::Contains("lost the connection to " + t.url().redacted()));
        CHECK_THAT(e.what(), Catch::Contains("not saved"));
    }
    // The next call reconnects on its own; the half-written transaction is gone.
    std::vector<int> ids(10);
    database->withSession([&](soci::session& s) { s << "SELECT id FROM notes ORDER BY id", soci::into(ids); });
    CHECK(ids == std::vector<int>{1});
}
