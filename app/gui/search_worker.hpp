// The global search's worker (SPEC §2.12): asks every plugin's SearchProvider on a thread of its
// own, with its own database session from the pool, so a slow query never freezes the window.
// Only the newest question matters: one asked while another runs replaces any still waiting,
// and the answer to an older one is not delivered at all.
#pragma once

#include <tiller/runtime.hpp>

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace tiller::gui {

struct SearchGroup {
    std::string providerId;
    std::string label;  // the provider's label, translated
    std::vector<plugin::SearchHit> hits;
    std::string error;  // why this provider failed; its hits are then empty
};

struct SearchAnswer {
    long long question = 0;  // what ask() returned
    std::string query;
    std::vector<SearchGroup> groups;  // in the registry's order; providers that found nothing are left out
};

class SearchWorker {
public:
    // `deliver` runs on the worker thread; the caller moves the answer to its own thread.
    SearchWorker(Runtime& runtime, std::function<void(SearchAnswer)> deliver);
    ~SearchWorker();  // waits for a search in progress
    SearchWorker(const SearchWorker&) = delete;
    SearchWorker& operator=(const SearchWorker&) = delete;

    // Queues a search of at most `limitPerProvider` hits from each provider; returns its number,
    // higher than every earlier one.
    long long ask(const std::string& query, int limitPerProvider);

private:
    void run();
    SearchAnswer answer(long long question, const std::string& query, int limit);

    Runtime& runtime_;
    std::function<void(SearchAnswer)> deliver_;
    std::mutex mutex_;
    std::condition_variable wake_;
    struct Question {
        long long number;
        std::string query;
        int limit;
    };
    std::optional<Question> waiting_;
    long long asked_ = 0;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace tiller::gui
