// A transaction that takes the write lock at BEGIN (SQLite's BEGIN IMMEDIATE): the pool's
// read-then-write changes (claim, recall, conversion) then wait for one another instead of
// failing with "database is locked" when two of them overlap on one SQLite file. On
// PostgreSQL it is an ordinary transaction; the version check settles who came first.
#pragma once

#include <tiller/db/database.hpp>

#include <type_traits>

namespace contacts {

template <class Work>
decltype(auto) inWriteTransaction(tiller::db::Database& database, Work&& work) {
    return database.withSession([&](soci::session& session) -> decltype(auto) {
        tiller::db::Transaction transaction(session, tiller::db::Transaction::Mode::immediate);
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

}  // namespace contacts
