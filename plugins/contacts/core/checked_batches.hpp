// The rows of an import file read and checked on a thread of their own, a batch at a time, while
// the import's own thread writes the batch before: checking (the Store's rules, libphonenumber,
// pinyin for the search index) and writing then overlap. At most a few batches wait, so a file
// of any size costs little memory. The database is written by the import's thread alone.
#pragma once

#include "core/customer_file.hpp"
#include "core/customer_rows.hpp"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace contacts {

class CheckedBatches {
public:
    // Starts reading. `checker` is used by the reading thread alone until the destructor.
    CheckedBatches(const CustomerFile& file, RowChecker& checker, std::size_t batchRows);
    ~CheckedBatches();  // stops the reading and waits for it
    CheckedBatches(const CheckedBatches&) = delete;
    CheckedBatches& operator=(const CheckedBatches&) = delete;

    // The next batch in file order; empty once the file is done. Rethrows what reading or
    // checking threw.
    std::vector<CheckedRow> next();

private:
    void read();

    const CustomerFile& file_;
    RowChecker& checker_;
    std::size_t batchRows_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::vector<CheckedRow>> ready_;
    bool finished_ = false, stopping_ = false;
    std::exception_ptr failure_;
    std::thread reader_;
};

}  // namespace contacts
