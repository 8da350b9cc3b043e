#include <tiller/errors.hpp>
#include <tiller/plugin/registry.hpp>

#include <catch2/catch.hpp>

using namespace tiller::plugin;

namespace {
Command command(const std::string& id) {
    Command c;
    c.id = id;
    c.label = "Label";
    c.run = [](Host&) {};
    return c;
}
struct Clock {
    static constexpr const char* kServiceId = "test.Clock/1";
    int now = 42;
};
}  // namespace

TEST_CASE("a contribution id can be taken once, and the refusal names who has it", "[registry]") {
    Registry registry;
    registry.setOwner("contacts");
    registry.add(command("contacts.new"));
    registry.setOwner("intruder");
    CHECK_THROWS_WITH(registry.add(command("contacts.new")),
                      Catch::Contains("'contacts.new' is already registered by contacts"));
    CHECK(registry.command("contacts.new")->owner == "contacts");
}

TEST_CASE("a contribution's texts use its plugin's catalog unless told otherwise", "[registry]") {
    Registry registry;
    registry.setOwner("hello");
    registry.add(command("hello.a"));
    auto other = command("hello.b");
    other.label = tiller::i18n::Text("Shared", "tiller");
    registry.add(other);
    CHECK(registry.command("hello.a")->label.domain == "tiller-hello");
    CHECK(registry.command("hello.b")->label.domain == "tiller");
    registry.setOwner("shell");
    registry.add(command("shell.quit"));
    CHECK(registry.command("shell.quit")->label.domain == "tiller");
}

TEST_CASE("removing an owner takes back everything it contributed and frees its ids", "[registry]") {
    Registry registry;
    registry.setOwner("broken");
    registry.add(command("broken.a"));
    registry.provide(std::make_shared<Clock>());
    registry.addMigrations({{"broken", 1, "x", "CREATE TABLE broken_x (id {{pk}})"}});
    NavigationView view;
    view.id = "broken.view";
    registry.add(view);
    registry.removeOwner("broken");
    CHECK(registry.commands().empty());
    CHECK(registry.views().empty());
    CHECK_FALSE(registry.service<Clock>());
    CHECK(registry.migrationsOf("broken").empty());
    registry.setOwner("other");
    CHECK_NOTHROW(registry.add(command("broken.a")));
}

TEST_CASE("services are found by their interface id", "[registry]") {
    Registry registry;
    registry.setOwner("time");
    CHECK_FALSE(registry.service<Clock>());
    registry.provide(std::make_shared<Clock>());
    REQUIRE(registry.service<Clock>());
    CHECK(registry.service<Clock>()->now == 42);
    CHECK_THROWS_AS(registry.provide(std::make_shared<Clock>()), tiller::ValidationError);
}

TEST_CASE("a plugin may add only its own migrations", "[registry]") {
    Registry registry;
    registry.setOwner("sneaky");
    CHECK_THROWS_WITH(registry.addMigrations({{"core", 9, "x", "DROP TABLE core_meta"}}),
                      Catch::Contains("may only add its own"));
}

TEST_CASE("record panels are listed per slot in their order", "[registry]") {
    Registry registry;
    registry.setOwner("tickets");
    registry.add(RecordPanel{"tickets.tab", "contacts.customer", "Tickets", 20, "", ""});
    registry.setOwner("orders");
    registry.add(RecordPanel{"orders.tab", "contacts.customer", "Orders", 10, "", ""});
    registry.add(RecordPanel{"orders.other", "elsewhere", "Other", 1, "", ""});
    auto panels = registry.panelsFor("contacts.customer");
    REQUIRE(panels.size() == 2);
    CHECK(panels[0].id == "orders.tab");
    CHECK(panels[1].id == "tickets.tab");
}

TEST_CASE("a merge hook needs an entity and a move, is found per entity and goes with its plugin", "[registry]") {
    Registry registry;
    registry.setOwner("orders");
    MergeHook hook;
    hook.id = "orders.customer_orders";
    hook.entity = "contacts.customer";
    hook.label = "Orders";
    CHECK_THROWS_WITH(registry.add(hook), Catch::Contains("has no move function"));
    hook.move = [](Host&, soci::session&, long long, long long) -> long long { return 0; };
    MergeHook nowhere = hook;
    nowhere.entity.clear();
    CHECK_THROWS_WITH(registry.add(nowhere), Catch::Contains("names no entity"));
    registry.add(hook);
    CHECK_THROWS_WITH(registry.add(hook), Catch::Contains("already registered by orders"));
    REQUIRE(registry.mergeHooksFor("contacts.customer").size() == 1);
    CHECK(registry.mergeHooksFor("contacts.customer")[0]->label.domain == "tiller-orders");
    CHECK(registry.mergeHooksFor("hello.greeting").empty());
    registry.removeOwner("orders");
    CHECK(registry.mergeHooks().empty());
}
