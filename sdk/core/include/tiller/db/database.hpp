// tiller::db::Database: one company database (SQLite file or PostgreSQL server) behind a small
// pool of SOCI sessions. Code borrows a session for the length of one unit of work; SOCI errors
// come back out as tiller's typed errors, and a session whose server connection dropped is
// reconnected the next time it is borrowed.
#pragma once

#include <tiller/db/url.hpp>

#include <soci/soci.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

namespace tiller::db {

struct OpenOptions {
    std::size_t poolSize = 4;
    int busyTimeoutMs = 5000;  // SQLite: how long to wait for another writer before giving up
    int connectTimeoutSeconds = 5;  // PostgreSQL
};

class Database {
public:
    // Connects (creating the SQLite file and its folder if missing) and checks that the
    // database is usable for reading and writing. Throws DatabaseUnavailable otherwise.
    static std::shared_ptr<Database> open(const DatabaseUrl& url, OpenOptions options = {});
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    Engine engine() const { return url_.engine(); }
    const DatabaseUrl& url() const { return url_; }

    // A borrowed session; goes back to the pool when destroyed.
    class Lease {
    public:
        Lease(Lease&& other) noexcept;
        Lease& operator=(Lease&&) = delete;
        ~Lease();
        soci::session& operator*() const { return *session_; }
        soci::session* operator->() const { return session_; }

    private:
        friend class Database;
        Lease(Database* owner, soci::session* session) : owner_(owner), session_(session) {}
        Database* owner_;
        soci::session* session_;
    };

    // Waits for a free session; reconnects it first if its connection was lost.
    Lease lease();

    // Runs `work(session)` on a borrowed session and translates database errors.
    template <class Work>
    decltype(auto) withSession(Work&& work) {
        auto session = lease();
        try {
            return work(*session);
        } catch (const std::exception& e) {
            rethrowTranslated(*session, e);
        }
    }

    // Runs `work(session)` inside a transaction that commits when `work` returns and rolls back
    // when it throws. Errors are translated as in withSession.
    template <class Work>
    decltype(auto) inTransaction(Work&& work);

    // Rethrows `e` as a tiller error. tiller errors pass through unchanged.
    [[noreturn]] void rethrowTranslated(soci::session& session, const std::exception& e) const;

private:
    Database(DatabaseUrl url, OpenOptions options);
    std::unique_ptr<soci::session> connect() const;
    void prepare(soci::session& session) const;
    void giveBack(soci::session* session);

    DatabaseUrl url_;
    OpenOptions options_;
    std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<soci::session>> sessions_;
    std::vector<soci::session*> idle_;
};

}  // namespace tiller::db

#include <tiller/db/transaction.hpp>

namespace tiller::db {
template <class Work>
decltype(auto) Database::inTransaction(Work&& work) {
    return withSession([&](soci::session& session) -> decltype(auto) {
        Transaction transaction(session);
        if constexpr (std::is_void_v<decltype(work(session))>) {
            work(session);
            transaction.commit();
        } else {
            auto result = work(session);
            transaction.commit();
            return result;
        }
    });
}
}  // namespace tiller::db
