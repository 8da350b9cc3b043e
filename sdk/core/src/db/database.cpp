#include <tiller/db/database.hpp>
#include <tiller/errors.hpp>
#include <tiller/log/log.hpp>

#include <soci/postgresql/soci-postgresql.h>
// SOCI wraps <sqlite3.h> in namespace sqlite_api.
#include <soci/sqlite3/soci-sqlite3.h>

#include <libpq-fe.h>

#include <filesystem>
#include <system_error>

namespace tiller::db {
namespace {

// SOCI prefixes libpq's message and libpq adds hints on further lines; keep the reason.
std::string cleanMessage(std::string message) {
    for (std::string_view prefix : {"Cannot establish connection to the database.",
                                    "sqlite3_statement_backend::prepare: ",
                                    "sqlite3_statement_backend::loadOne: ",
                                    "sqlite3_statement_backend::loadRS: "}) {
        if (message.starts_with(prefix)) message.erase(0, prefix.size());
    }
    auto trim = [](std::string text) {
        auto first = text.find_first_not_of(" \t\r\n");
        auto last = text.find_last_not_of(" \t\r\n");
        return first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
    };
    message = trim(message);
    if (auto nl = message.find('\n'); nl != std::string::npos) {
        std::string rest = message.substr(nl + 1);
        message = trim(message.substr(0, nl));
        // libpq puts "connection to server ... failed:" and the reason on separate lines.
        if (message.ends_with("failed:")) message += " " + trim(rest.substr(0, rest.find('\n')));
    }
    return message;
}

PGconn* pgConnection(soci::session& session) {
    auto* backend = static_cast<soci::postgresql_session_backend*>(session.get_backend());
    return backend ? backend->conn_ : nullptr;
}

sqlite_api::sqlite3* sqliteConnection(soci::session& session) {
    auto* backend = static_cast<soci::sqlite3_session_backend*>(session.get_backend());
    return backend ? backend->conn_ : nullptr;
}

bool connectionLost(soci::session& session) {
    PGconn* conn = pgConnection(session);
    return conn == nullptr || PQstatus(conn) == CONNECTION_BAD;
}

std::string sqliteConnectString(const std::filesystem::path& path) {
    // SOCI reads key=value pairs; quote the path so spaces survive.
    return "db=\"" + path.string() + "\" shared_cache=false";
}

}  // namespace

Database::Database(DatabaseUrl url, OpenOptions options)
    : url_(std::move(url)), options_(options) {}

Database::~Database() = default;

std::shared_ptr<Database> Database::open(const DatabaseUrl& url, OpenOptions options) {
    if (options.poolSize == 0) options.poolSize = 1;
    if (url.engine() == Engine::sqlite) {
        auto folder = url.path().parent_path();
        std::error_code ec;
        if (!folder.empty() && !std::filesystem::exists(folder, ec)) {
            std::filesystem::create_directories(folder, ec);
            if (ec)
                throw DatabaseUnavailable("cannot create the folder " + folder.string() +
                                          " for " + url.redacted() + ": " + ec.message());
        }
        if (std::filesystem::is_directory(url.path(), ec))
            throw DatabaseUnavailable(url.redacted() + " is a folder, not a database file");
    }
    std::shared_ptr<Database> database(new Database(url, options));
    auto first = database->connect();
    database->idle_.push_back(first.get());
    database->sessions_.push_back(std::move(first));
    log::info("opened " + url.redacted());
    return database;
}

std::unique_ptr<soci::session> Database::connect() const {
    auto session = std::make_unique<soci::session>();
    try {
        if (url_.engine() == Engine::sqlite) {
            session->open(soci::sqlite3, sqliteConnectString(url_.path()));
        } else {
            std::string conninfo = url_.libpqConnectionString();
            const auto& given = url_.options();
            if (!given.contains("connect_timeout"))
                conninfo += " connect_timeout=" + std::to_string(options_.connectTimeoutSeconds);
            if (!given.contains("application_name")) conninfo += " application_name=tiller";
            if (!given.contains("options"))
                conninfo += " options='-c client_min_messages=warning -c TimeZone=UTC'";
            session->open(soci::postgresql, conninfo);
        }
    } catch (const soci::soci_error& e) {
        std::string why = cleanMessage(e.what());
        if (why.find("password") != std::string::npos)
            throw DatabasePasswordNeeded("cannot connect to " + url_.redacted() + ": " + why);
        throw DatabaseUnavailable("cannot connect to " + url_.redacted() + ": " + why);
    }
    prepare(*session);
    return session;
}

void Database::prepare(soci::session& session) const {
    if (url_.engine() == Engine::postgresql) return;  // settings travel in the connection string
    try {
        session << "PRAGMA busy_timeout = " + std::to_string(options_.busyTimeoutMs);
        session << "PRAGMA foreign_keys = ON";
        std::string mode;
        session << "PRAGMA journal_mode = WAL", soci::into(mode);
        session << "PRAGMA synchronous = NORMAL";  // safe with WAL, and far faster than FULL
    } catch (const std::exception& e) {
        rethrowTranslated(session, e);
    }
    if (sqlite_api::sqlite3_db_readonly(sqliteConnection(session), "main") == 1)
        throw DatabaseUnavailable("the database file " + url_.path().string() +
                                  " is read-only; Tiller needs to write to it (check the file's "
                                  "permissions and the disk)");
}

void Database::rethrowTranslated(soci::session& session, const std::exception& e) const {
    if (dynamic_cast<const Error*>(&e)) throw;
    const std::string where = url_.redacted();
    if (const auto* sq = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) {
        switch (sq->result() & 0xff) {
            case SQLITE_BUSY:
            case SQLITE_LOCKED:
                throw DatabaseUnavailable(where + " is locked by another program (waited " +
                                          std::to_string(options_.busyTimeoutMs) +
                                          " ms); nothing was changed, try again");
            case SQLITE_READONLY:
                throw DatabaseUnavailable("the database file " + url_.path().string() +
                                          " is read-only; Tiller needs to write to it");
            case SQLITE_NOTADB:
            case SQLITE_CORRUPT:
                throw DatabaseUnavailable(where + " is not a database or is damaged: " +
                                          cleanMessage(e.what()));
            case SQLITE_CANTOPEN:
            case SQLITE_IOERR:
            case SQLITE_FULL:
                throw DatabaseUnavailable("cannot use " + where + ": " + cleanMessage(e.what()));
            default:
                break;
        }
        // SOCI reports some statement errors without the code; recognise them by their text.
        std::string text = e.what();
        if (text.find("file is not a database") != std::string::npos)
            throw DatabaseUnavailable(where + " is not a database or is damaged");
        if (text.find("database is locked") != std::string::npos)
            throw DatabaseUnavailable(where + " is locked by another program; nothing was changed");
        if (text.find("readonly database") != std::string::npos)
            throw DatabaseUnavailable("the database file " + url_.path().string() +
                                      " is read-only; Tiller needs to write to it");
    }
    if (url_.engine() == Engine::postgresql && dynamic_cast<const soci::soci_error*>(&e) &&
        connectionLost(session)) {
        throw DatabaseUnavailable("lost the connection to " + where + " (" +
                                  cleanMessage(e.what()) +
                                  "); the unfinished change was not saved and the next attempt "
                                  "will reconnect");
    }
    if (dynamic_cast<const soci::soci_error*>(&e))
        throw DatabaseError(where + ": " + cleanMessage(e.what()));
    throw;
}

Database::Lease::Lease(Lease&& other) noexcept : owner_(other.owner_), session_(other.session_) {
    other.owner_ = nullptr;
    other.session_ = nullptr;
}

Database::Lease::~Lease() {
    if (owner_ && session_) owner_->giveBack(session_);
}

Database::Lease Database::lease() {
    soci::session* session = nullptr;
    {
        std::unique_lock lock(mutex_);
        if (idle_.empty() && sessions_.size() < options_.poolSize) {
            lock.unlock();
            auto fresh = connect();
            lock.lock();
            session = fresh.get();
            sessions_.push_back(std::move(fresh));
        } else {
            available_.wait(lock, [&] { return !idle_.empty(); });
            session = idle_.back();
            idle_.pop_back();
        }
    }
    Lease lease(this, session);
    if (url_.engine() == Engine::postgresql && connectionLost(*session)) {
        log::warning("reconnecting to " + url_.redacted());
        try {
            session->reconnect();
        } catch (const soci::soci_error& e) {
            throw DatabaseUnavailable("lost the connection to " + url_.redacted() +
                                      " and cannot reconnect: " + cleanMessage(e.what()));
        }
    }
    return lease;
}

void Database::giveBack(soci::session* session) {
    {
        std::lock_guard lock(mutex_);
        idle_.push_back(session);
    }
    available_.notify_one();
}

}  // namespace tiller::db
