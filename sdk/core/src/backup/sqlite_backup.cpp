// SQLite backup and restore through SQLite's online backup API: a consistent copy even while
// another program writes, and a restore that SQLite applies as one transaction.
#include "backup_check.hpp"
#include "engine_backup.hpp"

#include <tiller/errors.hpp>

#include <sqlite3.h>

#include <memory>
#include <thread>

namespace tiller::backup::detail {
namespace {

struct Connection {
    sqlite3* db = nullptr;
    ~Connection() {
        if (db) sqlite3_close_v2(db);
    }
};

void openSqlite(Connection& c, const std::filesystem::path& file, int flags) {
    int rc = sqlite3_open_v2(file.c_str(), &c.db, flags, nullptr);
    if (rc != SQLITE_OK)
        throw BackupError("cannot open " + file.string() + ": " +
                          (c.db ? sqlite3_errmsg(c.db) : sqlite3_errstr(rc)));
    sqlite3_busy_timeout(c.db, 5000);
}

// Runs a query returning rows of text; throws with `what` on failure.
std::vector<std::vector<std::string>> query(sqlite3* db, const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK)
        throw BackupError(sqlite3_errmsg(db));
    std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> guard(stmt, sqlite3_finalize);
    std::vector<std::vector<std::string>> rows;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        std::vector<std::string> row;
        for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
            auto* text = sqlite3_column_text(stmt, i);
            row.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
        }
        rows.push_back(std::move(row));
    }
    if (rc != SQLITE_DONE) throw BackupError(sqlite3_errmsg(db));
    return rows;
}

bool isTillerDatabase(sqlite3* db) {
    try {
        auto rows = query(db, "SELECT value FROM core_meta WHERE key = 'product'");
        return !rows.empty() && rows[0][0] == "tiller";
    } catch (const BackupError&) {
        return false;
    }
}

void copyPages(sqlite3* from, sqlite3* to, const std::string& failure) {
    sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
    if (!b) throw BackupError(failure + ": " + sqlite3_errmsg(to));
    int rc;
    int busyRounds = 0;
    while ((rc = sqlite3_backup_step(b, 4096)) == SQLITE_OK || rc == SQLITE_BUSY ||
           rc == SQLITE_LOCKED) {
        if (rc != SQLITE_OK) {
            if (++busyRounds > 100) break;  // ~5 s of another program holding the lock
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE)
        throw BackupError(failure + ": " +
                          (rc == SQLITE_BUSY || rc == SQLITE_LOCKED
                               ? std::string("the database is locked by another program")
                               : std::string(sqlite3_errstr(rc))));
}

}  // namespace

BackupResult backupSqlite(const db::DatabaseUrl& url, const std::filesystem::path& file) {
    auto started = std::chrono::steady_clock::now();
    const auto& source = url.path();
    if (!std::filesystem::exists(source))
        throw BackupError("there is no database at " + source.string());
    Connection from;
    openSqlite(from, source, SQLITE_OPEN_READWRITE);
    if (!isTillerDatabase(from.db))
        throw BackupError(source.string() +
                          " is not a Tiller database (run 'tiller-cli migrate' first)");

    auto temporary = file;
    temporary += ".partial";
    std::filesystem::remove(temporary);
    {
        Connection to;
        openSqlite(to, temporary, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        try {
            copyPages(from.db, to.db, "cannot back up " + source.string());
            // One self-contained file: no -wal beside it.
            query(to.db, "PRAGMA journal_mode = DELETE");
        } catch (...) {
            std::filesystem::remove(temporary);
            throw;
        }
    }
    std::filesystem::rename(temporary, file);
    return {db::Engine::sqlite, file, std::filesystem::file_size(file),
            millisecondsSince(started)};
}

RestoreResult restoreSqlite(const db::DatabaseUrl& url, const std::filesystem::path& file,
                            const std::vector<migrations::Migration>& known) {
    auto started = std::chrono::steady_clock::now();
    Connection backup;
    openSqlite(backup, file, SQLITE_OPEN_READONLY);
    std::vector<std::pair<std::string, int>> recorded;
    try {
        auto check = query(backup.db, "PRAGMA integrity_check");
        if (check.empty() || check[0][0] != "ok")
            throw BackupError("fails SQLite's integrity check" +
                              (check.empty() ? std::string() : ": " + check[0][0]));
        if (!isTillerDatabase(backup.db))
            throw BackupError("is a SQLite database but not a Tiller backup");
        for (const auto& row : query(backup.db, "SELECT owner, number FROM tiller_migrations"))
            recorded.emplace_back(row[0], std::stoi(row[1]));
    } catch (const BackupError& e) {
        throw BackupError(file.string() + " " + e.what() + "; nothing was changed");
    }
    int migrations = checkMigrations(file, recorded, known);

    std::filesystem::create_directories(url.path().parent_path().empty()
                                            ? std::filesystem::path(".")
                                            : url.path().parent_path());
    Connection live;
    openSqlite(live, url.path(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    // The backup API replaces the destination in one write transaction: on any failure the
    // current database stays exactly as it was.
    copyPages(backup.db, live.db, "cannot restore into " + url.path().string());
    return {db::Engine::sqlite, file, migrations, millisecondsSince(started)};
}

}  // namespace tiller::backup::detail
