// A fresh, empty database for one test on the engine this run is for: TILLER_TEST_BACKEND is
// "sqlite" (a file in a temporary folder) or "postgresql" (a new database on the server that
// scripts/test started, TILLER_TEST_PG_URL). CTest runs every database test once per engine.
#pragma once

#include "temp_dir.hpp"

#include <tiller/db/database.hpp>

#include <memory>

namespace tiller::test {

db::Engine backendUnderTest();

class TestDatabase {
public:
    TestDatabase();
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    const db::DatabaseUrl& url() const { return url_; }
    db::Engine engine() const { return url_.engine(); }
    std::shared_ptr<db::Database> open(db::OpenOptions options = {}) const;
    const TempDir& dir() const { return dir_; }

    // The server's maintenance database (PostgreSQL only).
    static db::DatabaseUrl serverUrl();

private:
    TempDir dir_;
    db::DatabaseUrl url_;
};

}  // namespace tiller::test
