// A scoped transaction: rolled back when it goes out of scope without commit(), so an
// exception never leaves half a change behind.
#pragma once

#include <soci/soci.h>

namespace tiller::db {

class Transaction {
public:
    enum class Mode {
        normal,
        // SQLite: take the write lock at once (BEGIN IMMEDIATE), so two programs that both
        // read-then-write do not deadlock. PostgreSQL: same as normal.
        immediate
    };
    explicit Transaction(soci::session& session, Mode mode = Mode::normal);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();
    void rollback();

private:
    soci::session& session_;
    bool open_ = true;
};

}  // namespace tiller::db
