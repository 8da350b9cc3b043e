// Loads the built plugin the way Tiller does, on a scratch SQLite database, and runs it.
#include <tiller/plugin/command_runner.hpp>
#include <tiller/plugin/plugin_manager.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

using namespace tiller;

TEST_CASE("the @ID@ plugin loads, migrates, and its command adds a row to its list") {
    auto folder = std::filesystem::temp_directory_path() / "@ID@-test";
    std::filesystem::remove_all(folder);
    plugin::Registry registry;
    plugin::PluginManager manager({{PLUGIN_FOLDER}, {}, plugin::kSdkApiVersion});
    manager.loadAndContribute(registry);
    const auto* record = manager.find("@ID@");
    REQUIRE(record);
    INFO(record->reason);
    REQUIRE(record->state == plugin::PluginState::contributed);

    auto database = db::Database::open(db::DatabaseUrl::sqliteFile(folder / "test.db"));
    manager.migrate(*database, registry);
    plugin::Host host(database, registry);
    manager.start(host, registry);
    REQUIRE(manager.find("@ID@")->state == plugin::PluginState::started);

    auto list = registry.view("@ID@.items")->list(host);
    CHECK(list->count() == 0);
    CHECK(plugin::runCommand(host, "@ID@.add").result == plugin::CommandOutcome::Result::done);
    CHECK(list->count() == 1);
    CHECK(list->rows(0, 10).at(0).at(1) == "Item 1");
    std::filesystem::remove_all(folder);
}
