// Many rows into one table through multi-row INSERT statements that are prepared once and
// reused: on PostgreSQL one round trip carries a whole batch instead of one row, on SQLite the
// statement is parsed once instead of per row. Used by the customer import, which writes a
// million rows into half a dozen tables inside one transaction.
#pragma once

#include <soci/soci.h>

#include <array>
#include <memory>
#include <string>
#include <vector>

namespace contacts {

class BulkInsert {
public:
    enum class Type { integer, text };
    struct Column {
        std::string name;
        Type type;
    };
    // Rows are sent `rowsPerStatement` at a time; fewer at a flush, in statements of 64, 32 ...
    // 1 rows, each also prepared once. `before` (when given) is flushed first whenever this one
    // is: the table this one's foreign keys point at.
    BulkInsert(soci::session& session, std::string table, std::vector<Column> columns,
               std::size_t rowsPerStatement = 128, BulkInsert* before = nullptr);
    ~BulkInsert();
    BulkInsert(const BulkInsert&) = delete;
    BulkInsert& operator=(const BulkInsert&) = delete;

    // Starts a row (every value NULL); full batches go to the database on their own.
    void addRow();
    void set(std::size_t column, long long value);
    void set(std::size_t column, std::string value);
    // Sends every row added so far.
    void flush();
    long long rowsWritten() const { return written_; }

private:
    soci::statement& statementFor(std::size_t rows);
    void execute(std::size_t rows);

    soci::session& session_;
    std::string table_;
    std::vector<Column> columns_;
    std::size_t capacity_;
    BulkInsert* before_;
    std::vector<long long> integers_;      // capacity * columns, by row then column
    std::vector<std::string> texts_;       // same layout
    std::vector<soci::indicator> nulls_;   // same layout
    std::size_t rows_ = 0;                 // rows filled in the buffers
    long long written_ = 0;
    std::vector<std::unique_ptr<soci::statement>> statements_;  // by row count, prepared on demand
};

}  // namespace contacts
