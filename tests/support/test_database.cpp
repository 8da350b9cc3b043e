#include "test_database.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <stdexcept>
#include <string>

namespace tiller::test {

db::Engine backendUnderTest() {
    // No default: a test registered for PostgreSQL must never quietly run on SQLite.
    const char* backend = std::getenv("TILLER_TEST_BACKEND");
    std::string name = backend ? backend : "";
    if (name == "sqlite") return db::Engine::sqlite;
    if (name == "postgresql") return db::Engine::postgresql;
    throw std::runtime_error("TILLER_TEST_BACKEND must be sqlite or postgresql (CTest sets it)");
}

db::DatabaseUrl TestDatabase::serverUrl() {
    const char* url = std::getenv("TILLER_TEST_PG_URL");
    if (!url || !*url)
        throw std::runtime_error(
            "TILLER_TEST_PG_URL is not set: run the suite with scripts/test, which starts a "
            "PostgreSQL server on 127.0.0.1");
    return db::DatabaseUrl::parse(url);
}

TestDatabase::TestDatabase() : url_(db::DatabaseUrl::sqliteFile(dir_ / "test.db")) {
    if (backendUnderTest() == db::Engine::sqlite) return;
    static std::atomic<int> counter{0};
    std::string name = "tiller_test_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
    auto server = db::Database::open(serverUrl(), {.poolSize = 1});
    server->withSession([&](soci::session& s) {
        s << "DROP DATABASE IF EXISTS " + name;
        s << "CREATE DATABASE " + name;
    });
    url_ = serverUrl().withDatabase(name);
}

TestDatabase::~TestDatabase() {
    if (url_.engine() != db::Engine::postgresql) return;
    try {
        auto server = db::Database::open(serverUrl(), {.poolSize = 1});
        server->withSession([&](soci::session& s) {
            s << "DROP DATABASE IF EXISTS " + url_.database() + " WITH (FORCE)";
        });
    } catch (...) {
        // A leftover database on a throw-away server is harmless.
    }
}

std::shared_ptr<db::Database> TestDatabase::open(db::OpenOptions options) const {
    return db::Database::open(url_, options);
}

}  // namespace tiller::test
