#include <tiller/plugin/events.hpp>

#include <catch2/catch.hpp>

using namespace tiller::plugin;

namespace {
struct IncomingCall {
    static constexpr const char* kEventId = "test.IncomingCall";
    std::string number;
};
}  // namespace

TEST_CASE("subscribers receive typed events while their subscription lives", "[events]") {
    EventBus bus;
    std::vector<std::string> seen;
    auto token = bus.subscribe<IncomingCall>([&](const IncomingCall& c) { seen.push_back(c.number); });
    bus.publish(IncomingCall{"+8613800138000"});
    bus.publish(RecordSaved{"contacts.customer", 7});  // another type: not delivered
    token.reset();
    bus.publish(IncomingCall{"+8613900000000"});
    CHECK(seen == std::vector<std::string>{"+8613800138000"});
}

TEST_CASE("events go through the dispatcher, so handlers run where the host wants", "[events]") {
    EventBus bus;
    std::vector<std::function<void()>> queue;
    bus.setDispatcher([&](std::function<void()> work) { queue.push_back(std::move(work)); });
    int calls = 0;
    auto token = bus.subscribe<IncomingCall>([&](const IncomingCall&) { ++calls; });
    bus.publish(IncomingCall{"1"});
    CHECK(calls == 0);  // not yet: queued for the UI thread
    REQUIRE(queue.size() == 1);
    queue.front()();
    CHECK(calls == 1);
}

TEST_CASE("a failing handler is reported and the others still run", "[events]") {
    EventBus bus;
    std::string reported;
    bus.onHandlerError = [&](const std::string& id, const std::string& what) { reported = id + ": " + what; };
    int calls = 0;
    auto a = bus.subscribe<IncomingCall>([](const IncomingCall&) { throw std::runtime_error("boom"); });
    auto b = bus.subscribe<IncomingCall>([&](const IncomingCall&) { ++calls; });
    bus.publish(IncomingCall{"1"});
    CHECK(calls == 1);
    CHECK(reported == "test.IncomingCall: boom");
}
