#include "test_database.hpp"

#include <tiller/backup/backup.hpp>
#include <tiller/errors.hpp>
#include <tiller/migrations/migrator.hpp>
#include <tiller/util/process.hpp>

#include <catch2/catch.hpp>

using namespace tiller;
using tiller::test::TestDatabase;

namespace {
const migrations::Migration kNotes{"shop", 1, "create_notes",
                                   "CREATE TABLE shop_note (id {{pk}}, body TEXT NOT NULL);"};

std::vector<migrations::Migration> known() {
    auto all = migrations::coreMigrations();
    all.push_back(kNotes);
    return all;
}

void migrate(db::Database& database) {
    migrations::Migrator migrator(database);
    migrator.add(known());
    migrator.apply();
}

void addNote(db::Database& database, const std::string& body) {
    database.withSession([&](soci::session& s) {
        s << "INSERT INTO shop_note (body) VALUES (:body)", soci::use(body);
    });
}

std::vector<std::string> notes(const db::DatabaseUrl& url) {
    auto database = db::Database::open(url, {.poolSize = 1});
    return database->withSession([](soci::session& s) {
        std::vector<std::string> bodies;
        soci::rowset<std::string> rows = (s.prepare << "SELECT body FROM shop_note ORDER BY id");
        for (const auto& b : rows) bodies.push_back(b);
        return bodies;
    });
}

// A database holding two notes, closed again so restore may replace it.
void prepareShop(const TestDatabase& t) {
    auto database = t.open();
    migrate(*database);
    addNote(*database, "张三 called about the order");
    addNote(*database, "deliver on Monday");
}

BackupError restoreRefusal(const TestDatabase& t, const std::filesystem::path& file) {
    try {
        backup::restore(t.url(), file, known());
    } catch (const BackupError& e) {
        return e;
    }
    FAIL("restore accepted " << file);
    return BackupError("");
}
}  // namespace

TEST_CASE("a backup restores the database exactly as it was", "[backup]") {
    TestDatabase t;
    prepareShop(t);
    auto file = t.dir() / "shop.backup";
    auto made = backup::backup(t.url(), file);
    CHECK(made.bytes > 0);
    CHECK(std::filesystem::file_size(file) == made.bytes);

    {
        auto database = t.open();
        addNote(*database, "written after the backup");
        database->withSession([](soci::session& s) { s << "DELETE FROM shop_note WHERE id = 1"; });
    }
    auto restored = backup::restore(t.url(), file, known());
    CHECK(restored.migrationsInBackup == static_cast<int>(known().size()));
    CHECK(notes(t.url()) ==
          std::vector<std::string>{"张三 called about the order", "deliver on Monday"});
    // The restored database is usable and still knows its schema.
    auto database = t.open();
    migrations::Migrator again(*database);
    again.add(known());
    CHECK(again.pending().empty());
}

TEST_CASE("a backup taken during an open transaction holds only committed data", "[backup]") {
    TestDatabase t;
    prepareShop(t);
    auto file = t.dir() / "during.backup";
    {
        auto database = t.open({.poolSize = 1, .busyTimeoutMs = 5000});
        auto session = database->lease();
        db::Transaction open(*session);
        *session << "INSERT INTO shop_note (body) VALUES ('not committed yet')";
        backup::backup(t.url(), file);
    }
    auto copy = TestDatabase();
    backup::restore(copy.url(), file, known());
    CHECK(notes(copy.url()).size() == 2);
}

TEST_CASE("a database that is not Tiller's is not backed up", "[backup]") {
    TestDatabase t;
    t.open();  // exists, but no migrations ran
    CHECK_THROWS_WITH(backup::backup(t.url(), t.dir() / "x.backup"),
                      Catch::Contains("is not a Tiller database"));
    CHECK_FALSE(std::filesystem::exists(t.dir() / "x.backup"));
}

TEST_CASE("restore refuses files that are not backups and leaves the data as it was",
          "[backup]") {
    TestDatabase t;
    prepareShop(t);
    auto junk = test::writeFile(t.dir() / "junk.bin", std::string("\x01\x02garbage\xff", 11));
    auto text = test::writeFile(t.dir() / "customers.csv", "name,phone\n张三,13800138000\n");
    CHECK_THAT(restoreRefusal(t, junk).what(), Catch::Contains("is not a Tiller backup"));
    CHECK_THAT(restoreRefusal(t, text).what(), Catch::Contains("nothing was changed"));
    CHECK_THAT(restoreRefusal(t, t.dir() / "missing.backup").what(), Catch::Contains("does not exist"));
    CHECK(notes(t.url()).size() == 2);
}

TEST_CASE("restore refuses a damaged backup and leaves the data as it was", "[backup]") {
    TestDatabase t;
    prepareShop(t);
    auto file = t.dir() / "shop.backup";
    backup::backup(t.url(), file);
    std::string bytes = test::readFile(file);
    // Keep the header, lose the rest: a copy cut short, as from a full disk.
    auto cut = test::writeFile(t.dir() / "cut.backup", bytes.substr(0, bytes.size() / 2));
    {
        auto database = t.open();
        addNote(*database, "today's work");
    }
    auto e = restoreRefusal(t, cut);
    CHECK_THAT(e.what(), Catch::Contains("nothing was changed"));
    CHECK(notes(t.url()).size() == 3);
}

TEST_CASE("restore refuses a backup of the other engine", "[backup]") {
    TestDatabase t;
    prepareShop(t);
    std::string header = t.engine() == db::Engine::sqlite ? std::string("PGDMP\x01\x0e", 7)
                                                          : std::string("SQLite format 3\0", 16);
    auto other = test::writeFile(t.dir() / "other.backup", header + std::string(100, '\0'));
    CHECK_THAT(restoreRefusal(t, other).what(),
               Catch::Contains(t.engine() == db::Engine::sqlite ? "is a PostgreSQL backup"
                                                                : "is a SQLite backup"));
    CHECK(notes(t.url()).size() == 2);
}

TEST_CASE("restore refuses a backup made by a newer Tiller", "[backup]") {
    TestDatabase t;
    {
        auto database = t.open();
        migrations::Migrator newer(*database);
        auto all = known();
        all.push_back({"shop", 2, "from_the_future", "CREATE TABLE shop_future (id {{pk}});"});
        newer.add(all);
        newer.apply();
    }
    auto file = t.dir() / "newer.backup";
    backup::backup(t.url(), file);
    auto target = TestDatabase();
    CHECK_THAT(restoreRefusal(target, file).what(), Catch::Contains("newer version of Tiller"));
}

TEST_CASE("restore refuses a SQLite file that is not a Tiller database", "[backup][sqlite-only]") {
    TestDatabase t;
    prepareShop(t);
    test::TempDir dir;
    {
        auto stranger = db::Database::open(db::DatabaseUrl::sqliteFile(dir / "stranger.db"));
        stranger->withSession([](soci::session& s) { s << "CREATE TABLE x (y TEXT)"; });
    }
    CHECK_THAT(restoreRefusal(t, dir / "stranger.db").what(),
               Catch::Contains("not a Tiller backup"));
    CHECK(notes(t.url()).size() == 2);
}

TEST_CASE("restore refuses a PostgreSQL dump that is not of a Tiller database",
          "[backup][postgres-only]") {
    TestDatabase t;
    prepareShop(t);
    TestDatabase stranger;
    stranger.open()->withSession([](soci::session& s) { s << "CREATE TABLE x (y TEXT)"; });
    auto dump = t.dir() / "stranger.dump";
    auto run = util::runProcess({"pg_dump", "--format=custom", "--file=" + dump.string(),
                                 "--dbname=" + stranger.url().libpqConnectionString()});
    REQUIRE(run.exitCode == 0);
    CHECK_THAT(restoreRefusal(t, dump).what(), Catch::Contains("not of a Tiller database"));
    CHECK(notes(t.url()).size() == 2);
}

TEST_CASE("restore into a PostgreSQL database in use is refused and changes nothing",
          "[backup][postgres-only]") {
    TestDatabase t;
    prepareShop(t);
    auto file = t.dir() / "shop.backup";
    backup::backup(t.url(), file);
    auto stillOpen = t.open();
    addNote(*stillOpen, "third");
    CHECK_THAT(restoreRefusal(t, file).what(), Catch::Contains("other programs are connected"));
    CHECK(notes(t.url()).size() == 3);
    // No staging database is left on the server.
    auto server = db::Database::open(TestDatabase::serverUrl(), {.poolSize = 1});
    int leftovers = server->withSession([&](soci::session& s) {
        int n = 0;
        std::string pattern = t.url().database() + "_restore_%";
        s << "SELECT COUNT(*) FROM pg_database WHERE datname LIKE :p", soci::use(pattern),
            soci::into(n);
        return n;
    });
    CHECK(leftovers == 0);
}
