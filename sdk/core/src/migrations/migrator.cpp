#include <tiller/migrations/migrator.hpp>

#include <tiller/db/dialect.hpp>
#include <tiller/db/row.hpp>
#include <tiller/errors.hpp>
#include <tiller/log/log.hpp>

#include <algorithm>
#include <chrono>

namespace tiller::migrations {
namespace {

constexpr const char* kCreateTable = R"(
CREATE TABLE IF NOT EXISTS tiller_migrations (
    owner      TEXT NOT NULL,
    number     INTEGER NOT NULL,
    name       TEXT NOT NULL,
    checksum   TEXT NOT NULL,
    applied_at {{timestamp}} NOT NULL,
    PRIMARY KEY (owner, number)
))";

// Any constant: serialises migrating programs on one PostgreSQL database.
constexpr long long kAdvisoryLock = 0x74696c6c6572LL;  // "tiller"

long long nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace

Migrator::Migrator(db::Database& database) : database_(database) {}

void Migrator::add(const std::vector<Migration>& migrations) {
    for (const auto& m : migrations) {
        if (m.number <= 0)
            throw MigrationError("migration " + m.label() + " has a number below 1");
        for (const auto& known : migrations_)
            if (known.owner == m.owner && known.number == m.number)
                throw MigrationError("two migrations of " + m.owner + " have number " +
                                     std::to_string(m.number) + ": '" + known.name + "' and '" +
                                     m.name + "'");
        if (std::find(owners_.begin(), owners_.end(), m.owner) == owners_.end())
            owners_.push_back(m.owner);
        migrations_.push_back(m);
    }
    // Stable order: by owner as added, then by number.
    std::stable_sort(migrations_.begin(), migrations_.end(), [&](const auto& a, const auto& b) {
        auto ia = std::find(owners_.begin(), owners_.end(), a.owner);
        auto ib = std::find(owners_.begin(), owners_.end(), b.owner);
        return ia != ib ? ia < ib : a.number < b.number;
    });
}

void Migrator::ensureTable() {
    database_.withSession([&](soci::session& session) {
        session << db::renderPortableSql(database_.engine(), kCreateTable);
    });
}

std::vector<Migrator::Recorded> Migrator::recorded() {
    ensureTable();
    return database_.withSession([&](soci::session& session) {
        std::vector<Recorded> rows;
        soci::rowset<soci::row> rs =
            (session.prepare << "SELECT owner, number, name, checksum FROM tiller_migrations "
                                "ORDER BY owner, number");
        for (const auto& row : rs) {
            rows.push_back({db::textAt(row, 0), static_cast<int>(db::integerAt(row, 1)),
                            db::textAt(row, 2), db::textAt(row, 3)});
        }
        return rows;
    });
}

void Migrator::verify(const std::vector<Recorded>& recorded) const {
    for (const auto& r : recorded) {
        auto known = std::find_if(migrations_.begin(), migrations_.end(), [&](const auto& m) {
            return m.owner == r.owner && m.number == r.number;
        });
        if (known == migrations_.end()) {
            if (std::find(owners_.begin(), owners_.end(), r.owner) != owners_.end())
                throw MigrationError("this database has migration " + r.owner + "/" +
                                     std::to_string(r.number) + " '" + r.name +
                                     "', which this program does not know: the database was "
                                     "updated by a newer version; use that version");
            continue;  // a plugin that is not loaded now; its tables are left alone
        }
        std::string now = known->checksum();
        if (now != r.checksum)
            throw MigrationError("migration " + known->label() +
                                 " was changed after it was applied to this database (checksum "
                                 "recorded " + r.checksum.substr(0, 12) + ", now " +
                                 now.substr(0, 12) +
                                 "); restore its original text and put the change in a new "
                                 "migration");
    }
}

std::vector<Migration> Migrator::pending() {
    auto rec = recorded();
    verify(rec);
    std::vector<Migration> result;
    for (const auto& m : migrations_) {
        bool done = std::any_of(rec.begin(), rec.end(), [&](const auto& r) {
            return r.owner == m.owner && r.number == m.number;
        });
        if (!done) result.push_back(m);
    }
    return result;
}

bool Migrator::isRecorded(soci::session& session, const Migration& migration) const {
    int count = 0;
    session << "SELECT COUNT(*) FROM tiller_migrations WHERE owner = :owner AND number = :number",
        soci::use(migration.owner), soci::use(migration.number), soci::into(count);
    return count > 0;
}

MigrationReport Migrator::apply(const std::function<void(const AppliedMigration&)>& onApplied) {
    MigrationReport report;
    auto todo = pending();
    report.alreadyApplied = static_cast<int>(migrations_.size() - todo.size());
    for (const auto& m : todo) {
        // Rendering problems are the migration's fault, found before touching the database.
        std::vector<std::string> statements;
        try {
            statements = db::splitStatements(db::renderPortableSql(database_.engine(), m.sql));
        } catch (const MigrationError& e) {
            throw MigrationError("migration " + m.label() + ": " + e.what());
        }
        auto started = std::chrono::steady_clock::now();
        bool appliedHere = database_.withSession([&](soci::session& session) {
            db::Transaction transaction(session, db::Transaction::Mode::immediate);
            if (database_.engine() == db::Engine::postgresql)
                session << "SELECT pg_advisory_xact_lock(" + std::to_string(kAdvisoryLock) + ")";
            if (isRecorded(session, m)) return false;  // another program just applied it
            for (std::size_t i = 0; i < statements.size(); ++i) {
                try {
                    session << statements[i];
                } catch (const std::exception& e) {
                    try {
                        database_.rethrowTranslated(session, e);
                    } catch (const DatabaseError& failure) {
                        throw MigrationError("migration " + m.label() + " failed at statement " +
                                             std::to_string(i + 1) + ": " + failure.what() +
                                             "; nothing of it was applied");
                    }
                }
            }
            std::string checksum = m.checksum();
            long long appliedAt = nowMs();
            session << "INSERT INTO tiller_migrations (owner, number, name, checksum, applied_at) "
                       "VALUES (:owner, :number, :name, :checksum, :applied_at)",
                soci::use(m.owner), soci::use(m.number), soci::use(m.name), soci::use(checksum),
                soci::use(appliedAt);
            transaction.commit();
            return true;
        });
        if (!appliedHere) {
            ++report.alreadyApplied;
            continue;
        }
        AppliedMigration applied{
            m.owner, m.number, m.name,
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                .count()};
        log::info("applied migration " + m.label());
        report.applied.push_back(applied);
        if (onApplied) onApplied(applied);
    }
    return report;
}

}  // namespace tiller::migrations
