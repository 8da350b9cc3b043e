// Typed events between plugins (IncomingCall, RecordSaved, ...). Handlers always run on the
// UI thread: the host installs a dispatcher that posts to it (the GUI uses wx's CallAfter;
// the CLI and tests run them at once or when they pump).
//
//   struct RecordSaved { static constexpr const char* kEventId = "tiller.RecordSaved"; ... };
//   auto token = events.subscribe<RecordSaved>([](const RecordSaved& e) { ... });
//   events.publish(RecordSaved{...});
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace tiller::plugin {

class EventBus {
public:
    using Dispatcher = std::function<void(std::function<void()>)>;
    // Until set, handlers run synchronously inside publish().
    void setDispatcher(Dispatcher dispatcher);

    // The subscription lasts as long as the returned token.
    using Subscription = std::shared_ptr<void>;

    template <class Event>
    [[nodiscard]] Subscription subscribe(std::function<void(const Event&)> handler) {
        auto wrapped = std::make_shared<Handler>(
            [handler = std::move(handler)](const void* e) { handler(*static_cast<const Event*>(e)); });
        add(Event::kEventId, wrapped);
        return wrapped;
    }

    template <class Event>
    void publish(const Event& event) {
        auto copy = std::make_shared<Event>(event);
        deliver(Event::kEventId, copy);
    }

    // What a handler threw is caught and logged; `onHandlerError` lets the host show it.
    std::function<void(const std::string& eventId, const std::string& what)> onHandlerError;

private:
    using Handler = std::function<void(const void*)>;
    void add(const std::string& id, const std::shared_ptr<Handler>& handler);
    void deliver(const std::string& id, std::shared_ptr<const void> event);

    std::mutex mutex_;
    std::map<std::string, std::vector<std::weak_ptr<Handler>>> handlers_;
    Dispatcher dispatcher_;
};

// Published by the host after a record was saved (any plugin's).
struct RecordSaved {
    static constexpr const char* kEventId = "tiller.RecordSaved";
    std::string entity;  // "contacts.customer"
    long long id = 0;
};

}  // namespace tiller::plugin
