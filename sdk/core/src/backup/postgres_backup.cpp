// PostgreSQL backup with pg_dump (custom format) and restore with pg_restore into a new
// database that is checked and only then swapped in for the current one.
#include "backup_check.hpp"
#include "engine_backup.hpp"

#include <tiller/db/database.hpp>
#include <tiller/db/row.hpp>
#include <tiller/errors.hpp>
#include <tiller/util/process.hpp>

#include <unistd.h>

#include <chrono>

namespace tiller::backup::detail {
namespace {

// Passwords travel in the environment, never on a command line other users can read.
std::map<std::string, std::string> passwordEnvironment(const db::DatabaseUrl& url) {
    if (url.password().empty()) return {};
    return {{"PGPASSWORD", url.password()}};
}

std::string dbnameArgument(const db::DatabaseUrl& url) {
    return "--dbname=" + url.withPassword("").libpqConnectionString();
}

std::string firstLine(const std::string& text) {
    auto start = text.find_first_not_of(" \n");
    if (start == std::string::npos) return "no message";
    auto end = text.find('\n', start);
    return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

std::string quoteIdentifier(const std::string& name) {
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string productOf(db::Database& database) {
    return database.withSession([](soci::session& s) {
        std::string product;
        soci::indicator ind;
        s << "SELECT value FROM core_meta WHERE key = 'product'", soci::into(product, ind);
        return s.got_data() && ind == soci::i_ok ? product : std::string();
    });
}

bool databaseExists(db::Database& server, const std::string& name) {
    return server.withSession([&](soci::session& s) {
        int count = 0;
        s << "SELECT COUNT(*) FROM pg_database WHERE datname = :name", soci::use(name),
            soci::into(count);
        return count > 0;
    });
}

void execute(db::Database& server, const std::string& sql) {
    server.withSession([&](soci::session& s) { s << sql; });
}

}  // namespace

BackupResult backupPostgres(const db::DatabaseUrl& url, const std::filesystem::path& file) {
    auto started = std::chrono::steady_clock::now();
    {
        auto database = db::Database::open(url, {.poolSize = 1});
        std::string product;
        try {
            product = productOf(*database);
        } catch (const DatabaseError&) {
        }
        if (product != "tiller")
            throw BackupError(url.redacted() +
                              " is not a Tiller database (run 'tiller-cli migrate' first)");
    }
    auto temporary = file;
    temporary += ".partial";
    std::filesystem::remove(temporary);
    auto run = util::runProcess({"pg_dump", "--format=custom", "--no-owner", "--no-privileges",
                                 "--file=" + temporary.string(), dbnameArgument(url)},
                                passwordEnvironment(url));
    if (run.exitCode != 0) {
        std::filesystem::remove(temporary);
        throw BackupError("pg_dump could not back up " + url.redacted() + ": " +
                          firstLine(run.err));
    }
    std::filesystem::rename(temporary, file);
    return {db::Engine::postgresql, file, std::filesystem::file_size(file),
            millisecondsSince(started)};
}

RestoreResult restorePostgres(const db::DatabaseUrl& url, const std::filesystem::path& file,
                              const std::vector<migrations::Migration>& known) {
    auto started = std::chrono::steady_clock::now();
    const std::string nothingChanged = "; nothing was changed";

    auto listing = util::runProcess({"pg_restore", "--list", file.string()});
    if (listing.exitCode != 0)
        throw BackupError(file.string() + " is damaged or not a PostgreSQL backup: " +
                          firstLine(listing.err) + nothingChanged);
    if (listing.out.find(" TABLE public core_meta ") == std::string::npos ||
        listing.out.find(" TABLE public tiller_migrations ") == std::string::npos)
        throw BackupError(file.string() + " is a PostgreSQL backup but not of a Tiller database" +
                          nothingChanged);

    // CREATE/ALTER/DROP DATABASE run from the server's maintenance database.
    auto server = db::Database::open(url.withDatabase("postgres"), {.poolSize = 1});
    const std::string target = url.database();
    const std::string stamp = std::to_string(::getpid()) + "_" +
                              std::to_string(std::chrono::system_clock::now().time_since_epoch() /
                                             std::chrono::seconds(1));
    const std::string staging = target.substr(0, 30) + "_restore_" + stamp;
    const std::string replaced = target.substr(0, 30) + "_replaced_" + stamp;

    execute(*server, "CREATE DATABASE " + quoteIdentifier(staging));
    auto dropStaging = [&] {
        try {
            execute(*server, "DROP DATABASE IF EXISTS " + quoteIdentifier(staging));
        } catch (const Error&) {
        }
    };
    int migrations = 0;
    try {
        auto run = util::runProcess({"pg_restore", "--no-owner", "--no-privileges",
                                     "--exit-on-error", dbnameArgument(url.withDatabase(staging)),
                                     file.string()},
                                    passwordEnvironment(url));
        if (run.exitCode != 0)
            throw BackupError(file.string() + " cannot be restored (damaged?): " +
                              firstLine(run.err) + nothingChanged);
        auto restored = db::Database::open(url.withDatabase(staging), {.poolSize = 1});
        if (productOf(*restored) != "tiller")
            throw BackupError(file.string() + " is not a Tiller backup" + nothingChanged);
        auto recorded = restored->withSession([](soci::session& s) {
            std::vector<std::pair<std::string, int>> rows;
            soci::rowset<soci::row> rs = (s.prepare << "SELECT owner, number FROM tiller_migrations");
            for (const auto& row : rs)
                rows.emplace_back(db::textAt(row, 0), static_cast<int>(db::integerAt(row, 1)));
            return rows;
        });
        migrations = checkMigrations(file, recorded, known);
    } catch (...) {
        dropStaging();
        throw;
    }

    // Swap: current -> replaced, staging -> current, then drop the replaced one.
    bool hadCurrent = databaseExists(*server, target);
    if (hadCurrent) {
        try {
            execute(*server, "ALTER DATABASE " + quoteIdentifier(target) + " RENAME TO " +
                                 quoteIdentifier(replaced));
        } catch (const Error& e) {
            dropStaging();
            throw BackupError("cannot replace " + url.redacted() +
                              " while other programs are connected to it (close Tiller on "
                              "every PC and try again): " + e.what() + nothingChanged);
        }
    }
    try {
        execute(*server, "ALTER DATABASE " + quoteIdentifier(staging) + " RENAME TO " +
                             quoteIdentifier(target));
    } catch (const Error& e) {
        if (hadCurrent)
            execute(*server, "ALTER DATABASE " + quoteIdentifier(replaced) + " RENAME TO " +
                                 quoteIdentifier(target));
        dropStaging();
        throw BackupError(std::string("cannot put the restored database in place: ") + e.what() +
                          nothingChanged);
    }
    if (hadCurrent) execute(*server, "DROP DATABASE " + quoteIdentifier(replaced));
    return {db::Engine::postgresql, file, migrations, millisecondsSince(started)};
}

}  // namespace tiller::backup::detail
