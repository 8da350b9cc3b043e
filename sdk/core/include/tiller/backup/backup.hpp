// Backup and restore of a whole company database (SPEC §1.7).
//
// SQLite: the online backup API makes a consistent copy while the app keeps running; the
// backup file is itself a SQLite database. PostgreSQL: pg_dump's custom format.
// Restore checks the file first (a Tiller backup, intact, not newer than this program) and
// only then replaces the current database, so a bad file never costs the data you had.
#pragma once

#include <tiller/db/url.hpp>
#include <tiller/migrations/migration.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace tiller::backup {

struct BackupResult {
    db::Engine engine;
    std::filesystem::path file;
    std::uintmax_t bytes = 0;
    double milliseconds = 0;
};

struct RestoreResult {
    db::Engine engine;
    std::filesystem::path file;
    int migrationsInBackup = 0;
    double milliseconds = 0;
};

// Writes to `file` (through a temporary file beside it, renamed when complete).
BackupResult backup(const db::DatabaseUrl& url, const std::filesystem::path& file);

// `known` are the migrations this program ships: a backup recording a migration this program
// does not know (made by a newer Tiller) is refused.
RestoreResult restore(const db::DatabaseUrl& url, const std::filesystem::path& file,
                      const std::vector<migrations::Migration>& known);

}  // namespace tiller::backup
