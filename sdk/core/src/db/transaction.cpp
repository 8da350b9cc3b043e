#include <tiller/db/transaction.hpp>

namespace tiller::db {

Transaction::Transaction(soci::session& session, Mode mode) : session_(session) {
    if (mode == Mode::immediate && session.get_backend_name() == "sqlite3")
        session << "BEGIN IMMEDIATE";
    else
        session.begin();
}

Transaction::~Transaction() {
    if (!open_) return;
    try {
        session_.rollback();
    } catch (...) {
        // The connection is gone; the server has already discarded the transaction.
    }
}

void Transaction::commit() {
    session_.commit();
    open_ = false;
}

void Transaction::rollback() {
    open_ = false;
    session_.rollback();
}

}  // namespace tiller::db
