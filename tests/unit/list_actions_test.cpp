// The SDK's batch-action and scheduled-job helpers, without a database: each record of a batch
// done or refused on its own and named in one line; jobs run when due, a failing one isolated.
#include <tiller/jobs/scheduler.hpp>
#include <tiller/plugin/list_actions.hpp>
#include <tiller/plugin/registry.hpp>

#include <catch2/catch.hpp>

using namespace tiller;

TEST_CASE("a batch does every record it can and names each refusal by its title", "[list-actions]") {
    std::vector<long long> done;
    auto result = plugin::eachRecord(
        {1, 2, 3, 4}, [](long long id) { return id == 4 ? throw Error("gone") : "Customer " + std::to_string(id); },
        [&](long long id) {
            if (id % 2 == 0) throw Conflict("it has 3 tickets");
            done.push_back(id);
        });
    CHECK(done == std::vector<long long>{1, 3});
    CHECK(result.done == 2);
    REQUIRE(result.refused.size() == 2);
    CHECK(result.refused[0] == std::pair<std::string, std::string>{"Customer 2", "it has 3 tickets"});
    CHECK(result.refused[1].first == "#4");  // the title could not be read either

    plugin::ListAction action;
    action.done = i18n::Text("%s deleted", "tiller");
    CHECK(plugin::describeResult(action, result) == "2 deleted, 2 refused: Customer 2: it has 3 tickets; #4: it has 3 tickets");
    CHECK(plugin::describeResult(action, result, 1) == "2 deleted, 2 refused: Customer 2: it has 3 tickets; and 1 more");
    CHECK(plugin::describeResult(action, {5, {}}) == "5 deleted");
}

TEST_CASE("list actions come in their order, and each needs a list and something to run", "[list-actions]") {
    plugin::Registry registry;
    registry.setOwner("shop");
    auto make = [](const char* id, int order) {
        plugin::ListAction a;
        a.id = id;
        a.list = "shop.customers";
        a.order = order;
        a.run = [](plugin::Host&, const std::vector<long long>&, const std::string&) { return plugin::ListActionResult{}; };
        return a;
    };
    registry.add(make("shop.second", 20));
    registry.add(make("shop.first", 10));
    auto actions = registry.listActions("shop.customers");
    REQUIRE(actions.size() == 2);
    CHECK(actions[0].id == "shop.first");
    CHECK(actions[0].owner == "shop");
    CHECK(actions[0].label.domain == "tiller-shop");
    CHECK(registry.listActions("shop.orders").empty());
    auto noRun = make("shop.third", 30);
    noRun.run = nullptr;
    CHECK_THROWS_AS(registry.add(noRun), ValidationError);
    CHECK_THROWS_AS(registry.add(make("shop.first", 5)), ValidationError);  // the id is taken
    registry.removeOwner("shop");
    CHECK(registry.listActions("shop.customers").empty());
}

TEST_CASE("scheduled jobs run at the first check, again after their interval, and a failing one does not stop the others", "[jobs]") {
    plugin::Registry registry;
    registry.setOwner("shop");
    int quick = 0, slow = 0;
    registry.add(plugin::ScheduledJob{"shop.quick", "Quick", 5, [&](plugin::Host&, const Clock&) {
                                          ++quick;
                                          throw Error("the server is away");
                                          return std::string();
                                      }, ""});
    registry.add(plugin::ScheduledJob{"shop.slow", "Slow", 60, [&](plugin::Host&, const Clock&) {
                                          ++slow;
                                          return std::string("2 things done");
                                      }, ""});
    CHECK_THROWS_AS(registry.add(plugin::ScheduledJob{"shop.never", "Never", 0, [](plugin::Host&, const Clock&) { return std::string(); }, ""}),
                    ValidationError);
    plugin::Host host(nullptr, registry);
    ManualClock clock(1'800'000'000'000LL);
    jobs::Scheduler scheduler;
    auto runs = scheduler.runDue(host, clock);
    REQUIRE(runs.size() == 2);
    CHECK(runs[0].error == "the server is away");
    CHECK(runs[1].summary == "2 things done");
    clock.advanceMinutes(5);
    runs = scheduler.runDue(host, clock);
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].jobId == "shop.quick");
    clock.advanceMinutes(55);
    CHECK(scheduler.runDue(host, clock).size() == 2);
    CHECK(quick == 3);
    CHECK(slow == 2);
}
