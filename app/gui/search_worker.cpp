#include "search_worker.hpp"

#include <tiller/i18n/catalogs.hpp>
#include <tiller/log/log.hpp>

#include <algorithm>

namespace tiller::gui {

SearchWorker::SearchWorker(Runtime& runtime, std::function<void(SearchAnswer)> deliver)
    : runtime_(runtime), deliver_(std::move(deliver)), thread_([this] { run(); }) {}

SearchWorker::~SearchWorker() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        waiting_.reset();
    }
    wake_.notify_all();
    thread_.join();
}

long long SearchWorker::ask(const std::string& query, int limitPerProvider) {
    long long number = 0;
    {
        std::lock_guard lock(mutex_);
        number = ++asked_;
        waiting_ = Question{number, query, limitPerProvider};
    }
    wake_.notify_all();
    return number;
}

void SearchWorker::run() {
    for (;;) {
        Question question;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || waiting_; });
            if (stopping_) return;
            question = std::move(*waiting_);
            waiting_.reset();
        }
        SearchAnswer found = answer(question.number, question.query, question.limit);
        {
            std::lock_guard lock(mutex_);
            if (stopping_ || asked_ != question.number) continue;  // a newer question is waiting
        }
        deliver_(std::move(found));
    }
}

SearchAnswer SearchWorker::answer(long long question, const std::string& query, int limit) {
    SearchAnswer found{question, query, {}};
    for (const auto& provider : runtime_.registry().searchProviders()) {
        if (!provider.search) continue;
        SearchGroup group{provider.id, i18n::tr(provider.label), {}, {}};
        try {
            group.hits = provider.search(runtime_.host(), query, limit);
            std::stable_sort(group.hits.begin(), group.hits.end(),
                             [](const auto& a, const auto& b) { return a.score > b.score; });
        } catch (const std::exception& e) {
            // One plugin's failure shows in its own group; the others still answer.
            group.error = e.what();
            log::warning("search provider " + provider.id + " (plugin " + provider.owner + ") failed: " + e.what());
        }
        if (!group.hits.empty() || !group.error.empty()) found.groups.push_back(std::move(group));
    }
    return found;
}

}  // namespace tiller::gui
