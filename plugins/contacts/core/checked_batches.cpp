#include "core/checked_batches.hpp"

#include "core/customer_writer.hpp"

namespace contacts {
namespace {

constexpr std::size_t kBatchesAhead = 3;

struct Stopped {};  // thrown inside the reading to end it early: not an error

}  // namespace

CheckedBatches::CheckedBatches(const CustomerFile& file, RowChecker& checker, std::size_t batchRows)
    : file_(file), checker_(checker), batchRows_(batchRows < 1 ? 1 : batchRows), reader_([this] { read(); }) {}

CheckedBatches::~CheckedBatches() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    reader_.join();
}

void CheckedBatches::read() {
    std::vector<CheckedRow> batch;
    auto hand = [&] {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stopping_ || ready_.size() < kBatchesAhead; });
        if (stopping_) throw Stopped{};
        ready_.push_back(std::move(batch));
        batch.clear();
        changed_.notify_all();
    };
    try {
        file_.rows([&](SourceRow& source) {
            batch.push_back(checker_.check(source));
            if (batch.back().problems.empty()) CustomerWriter::prepare(batch.back());
            if (batch.size() >= batchRows_) hand();
        });
        if (!batch.empty()) hand();
    } catch (const Stopped&) {
    } catch (...) {
        std::lock_guard lock(mutex_);
        failure_ = std::current_exception();
    }
    std::lock_guard lock(mutex_);
    finished_ = true;
    changed_.notify_all();
}

std::vector<CheckedRow> CheckedBatches::next() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !ready_.empty() || finished_; });
    if (!ready_.empty()) {
        auto batch = std::move(ready_.front());
        ready_.pop_front();
        changed_.notify_all();
        return batch;
    }
    if (failure_) std::rethrow_exception(failure_);
    return {};
}

}  // namespace contacts
