// Applies pending migrations, each in its own transaction, and records them in
// tiller_migrations (owner, number, name, checksum, applied_at). Refuses to run when an applied
// migration has been changed since, or when the database is newer than this program.
#pragma once

#include <tiller/db/database.hpp>
#include <tiller/migrations/migration.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace tiller::migrations {

struct AppliedMigration {
    std::string owner;
    int number = 0;
    std::string name;
    double milliseconds = 0;
};

struct MigrationReport {
    std::vector<AppliedMigration> applied;  // by this run, in order
    int alreadyApplied = 0;                 // found recorded and unchanged
};

class Migrator {
public:
    explicit Migrator(db::Database& database);

    // Owners are migrated in the order they are added (core first, then plugins in dependency
    // order). Throws MigrationError on a duplicate or non-positive number.
    void add(const std::vector<Migration>& migrations);

    // What would run; verifies what is recorded first (throws MigrationError).
    std::vector<Migration> pending();

    MigrationReport apply(const std::function<void(const AppliedMigration&)>& onApplied = {});

private:
    struct Recorded {
        std::string owner;
        int number;
        std::string name;
        std::string checksum;
    };
    void ensureTable();
    std::vector<Recorded> recorded();
    void verify(const std::vector<Recorded>& recorded) const;
    bool isRecorded(soci::session& session, const Migration& migration) const;

    db::Database& database_;
    std::vector<std::string> owners_;
    std::vector<Migration> migrations_;
};

// Migrations of tiller_core itself (generated from sdk/core/migrations/*.sql).
std::vector<Migration> coreMigrations();

}  // namespace tiller::migrations
