#include "core/bulk_insert.hpp"

#include <utility>

namespace contacts {

BulkInsert::BulkInsert(soci::session& session, std::string table, std::vector<Column> columns, std::size_t rowsPerStatement,
                       BulkInsert* before)
    : session_(session),
      table_(std::move(table)),
      columns_(std::move(columns)),
      capacity_(rowsPerStatement < 1 ? 1 : rowsPerStatement),
      before_(before),
      integers_(capacity_ * columns_.size()),
      texts_(capacity_ * columns_.size()),
      nulls_(capacity_ * columns_.size(), soci::i_null),
      statements_(capacity_ + 1) {}

BulkInsert::~BulkInsert() = default;

void BulkInsert::addRow() {
    if (rows_ == capacity_) {
        if (before_) before_->flush();
        execute(capacity_);
        rows_ = 0;
    }
    std::fill(nulls_.begin() + static_cast<long>(rows_ * columns_.size()),
              nulls_.begin() + static_cast<long>((rows_ + 1) * columns_.size()), soci::i_null);
    ++rows_;
}

void BulkInsert::set(std::size_t column, long long value) {
    std::size_t at = (rows_ - 1) * columns_.size() + column;
    integers_[at] = value;
    nulls_[at] = soci::i_ok;
}

void BulkInsert::set(std::size_t column, std::string value) {
    std::size_t at = (rows_ - 1) * columns_.size() + column;
    texts_[at] = std::move(value);
    nulls_[at] = soci::i_ok;
}

soci::statement& BulkInsert::statementFor(std::size_t rows) {
    auto& slot = statements_[rows];
    if (slot) return *slot;
    std::string sql = "INSERT INTO " + table_ + " (";
    for (std::size_t c = 0; c < columns_.size(); ++c) sql += (c ? ", " : "") + columns_[c].name;
    sql += ") VALUES ";
    auto st = std::make_unique<soci::statement>(session_);
    for (std::size_t r = 0; r < rows; ++r) {
        sql += r ? ", (" : "(";
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            std::size_t at = r * columns_.size() + c;
            sql += (c ? ", :v" : ":v") + std::to_string(at);
            if (columns_[c].type == Type::integer)
                st->exchange(soci::use(integers_[at], nulls_[at]));
            else
                st->exchange(soci::use(texts_[at], nulls_[at]));
        }
        sql += ")";
    }
    st->alloc();
    st->prepare(sql);
    st->define_and_bind();
    slot = std::move(st);
    return *slot;
}

void BulkInsert::execute(std::size_t rows) {
    statementFor(rows).execute(true);
    written_ += static_cast<long long>(rows);
}

void BulkInsert::flush() {
    if (rows_ == 0) return;
    if (before_) before_->flush();
    if (rows_ == capacity_) {
        execute(capacity_);
        rows_ = 0;
        return;
    }
    // Fewer than a full statement: in pieces of 64, 32 ... 1 rows, each piece moved to the front
    // of the buffers (where the statements' bindings point) in turn.
    const std::size_t width = columns_.size();
    std::size_t done = 0;
    while (done < rows_) {
        std::size_t piece = 64;
        while (piece > rows_ - done) piece /= 2;
        if (done > 0)
            for (std::size_t i = 0; i < piece * width; ++i) {
                integers_[i] = integers_[done * width + i];
                std::swap(texts_[i], texts_[done * width + i]);
                nulls_[i] = nulls_[done * width + i];
            }
        execute(piece);
        done += piece;
    }
    rows_ = 0;
}

}  // namespace contacts
