#include <tiller/log/log.hpp>
#include <tiller/plugin/events.hpp>

namespace tiller::plugin {

void EventBus::setDispatcher(Dispatcher dispatcher) {
    std::lock_guard lock(mutex_);
    dispatcher_ = std::move(dispatcher);
}

void EventBus::add(const std::string& id, const std::shared_ptr<Handler>& handler) {
    std::lock_guard lock(mutex_);
    handlers_[id].push_back(handler);
}

void EventBus::deliver(const std::string& id, std::shared_ptr<const void> event) {
    std::vector<std::shared_ptr<Handler>> live;
    Dispatcher dispatcher;
    {
        std::lock_guard lock(mutex_);
        auto& list = handlers_[id];
        std::erase_if(list, [](const auto& weak) { return weak.expired(); });
        for (const auto& weak : list)
            if (auto h = weak.lock()) live.push_back(h);
        dispatcher = dispatcher_;
    }
    auto run = [this, id, event, live] {
        for (const auto& handler : live) {
            try {
                (*handler)(event.get());
            } catch (const std::exception& e) {
                log::error("a handler of event " + id + " failed: " + e.what());
                if (onHandlerError) onHandlerError(id, e.what());
            }
        }
    };
    if (dispatcher)
        dispatcher(run);
    else
        run();
}

}  // namespace tiller::plugin
