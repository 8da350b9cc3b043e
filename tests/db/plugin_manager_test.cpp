// The plugin manager against one fixture plugin per failure mode (tests/fixtures/plugins).
#include "test_database.hpp"

#include <tiller/plugin/command_runner.hpp>
#include <tiller/plugin/plugin_manager.hpp>
#include <tiller/startup.hpp>

#include <catch2/catch.hpp>

using namespace tiller;
using namespace tiller::plugin;
using tiller::test::TestDatabase;

namespace {

const std::filesystem::path kFixtures = TILLER_FIXTURE_PLUGINS;

// Brings the fixture plugins up the way the application does.
struct Application {
    TestDatabase t;
    std::shared_ptr<db::Database> database = startup::openAndMigrate(t.url()).database;
    Registry registry;
    PluginManager manager;
    Host host{database, registry};
    std::vector<std::string> notes;

    explicit Application(std::set<std::string> disabled = {})
        : manager(PluginManager::Options{{kFixtures}, std::move(disabled), kSdkApiVersion}) {
        host.setNotifier([this](const std::string& m) { notes.push_back(m); });
        manager.loadAndContribute(registry);
        manager.migrate(*database, registry);
        manager.start(host, registry);
    }

    const PluginRecord& plugin(const std::string& id) const {
        const auto* p = manager.find(id);
        REQUIRE(p);
        return *p;
    }
    bool tableExists(const std::string& table) {
        return database->withSession([&](soci::session& s) {
            try {
                s << "SELECT COUNT(*) FROM " + table;
                return true;
            } catch (const std::exception&) {
                return false;
            }
        });
    }
};

class Deny : public PermissionChecker {
public:
    bool allows(const std::string& permission) const override { return permission != "good_base.secret"; }
};

}  // namespace

TEST_CASE("every broken fixture plugin fails with its own precise reason", "[plugins]") {
    Application app;
    struct Expect {
        const char* id;
        PluginState state;
        const char* reason;
    };
    for (const auto& e : {
             Expect{"bad_yaml", PluginState::failed, "bad_yaml/plugin.yaml:3: is not valid YAML"},
             Expect{"missing_version", PluginState::failed, "key 'version': is missing"},
             Expect{"bad_sdk_range", PluginState::failed, "needs SDK >=99.0, but this Tiller provides SDK 1.0.0"},
             Expect{"missing_dependency", PluginState::failed, "needs nothing_here ^1.0, which is not installed"},
             Expect{"cycle_a", PluginState::failed, "circular dependency: cycle_a -> cycle_b -> cycle_a"},
             Expect{"cycle_b", PluginState::failed, "circular dependency: cycle_a -> cycle_b -> cycle_a"},
             Expect{"wrong_dependency_version", PluginState::failed, "needs good_base ^2.0, but good_base 1.2.0 is installed"},
             Expect{"library_missing", PluginState::failed, "its library libtiller_library_missing.so is not in"},
             Expect{"not_a_library", PluginState::failed, "cannot load libtiller_not_a_library.so"},
             Expect{"no_entry_point", PluginState::failed, "has no Tiller entry point"},
             Expect{"throws_in_contribute", PluginState::failed, "(contribute): the configuration table is missing"},
             Expect{"throws_in_start", PluginState::failed, "failed to start: cannot reach the licence server"},
             Expect{"needs_failed", PluginState::failed, "needs throws_in_start, which failed"},
             Expect{"bad_migration", PluginState::failed, "its database migration failed: migration bad_migration/1 'broken' failed at statement 2"},
         }) {
        INFO(e.id);
        const auto& p = app.plugin(e.id);
        CHECK(p.state == e.state);
        CHECK_THAT(p.reason, Catch::Contains(e.reason));
    }
}

TEST_CASE("the good plugins run beside the broken ones, in dependency order", "[plugins]") {
    Application app;
    CHECK(app.plugin("good_base").state == PluginState::started);
    CHECK(app.plugin("good_user").state == PluginState::started);
    CHECK(app.plugin("throws_in_command").state == PluginState::started);
    auto running = app.manager.running();
    auto at = [&](const std::string& id) {
        return std::find_if(running.begin(), running.end(), [&](auto* p) { return p->manifest.id == id; }) -
               running.begin();
    };
    CHECK(at("good_base") < at("good_user"));
    CHECK(app.notes == std::vector<std::string>{"good_base started"});
    // good_user found good_base's service and contributed a tab to its record view.
    REQUIRE(app.registry.panelsFor("good_base.thing").size() == 1);
    CHECK(app.registry.panelsFor("good_base.thing")[0].owner == "good_user");
}

TEST_CASE("a second plugin with a taken id is refused and the first one kept", "[plugins]") {
    Application app;
    const auto& first = app.plugin("good_base");
    CHECK(first.manifest.version.text() == "1.2.0");
    auto duplicate = std::find_if(app.manager.plugins().begin(), app.manager.plugins().end(),
                                  [](const auto& p) { return p.manifest.file.string().find("zz_duplicate") != std::string::npos; });
    REQUIRE(duplicate != app.manager.plugins().end());
    CHECK(duplicate->state == PluginState::failed);
    CHECK_THAT(duplicate->reason, Catch::Contains("another plugin with id 'good_base' was found first"));
}

TEST_CASE("what a failed plugin contributed is taken back", "[plugins]") {
    Application app;
    CHECK_FALSE(app.registry.command("throws_in_contribute.half_done"));
    CHECK_FALSE(app.registry.command("throws_in_start.command"));
    CHECK_FALSE(app.tableExists("bad_migration_thing"));
    CHECK(app.tableExists("good_base_thing"));
    CHECK(app.registry.command("good_base.secret"));
}

TEST_CASE("a plugin's failing command is reported naming the plugin and the app goes on", "[plugins]") {
    Application app;
    auto outcome = runCommand(app.host, "throws_in_command.explode");
    CHECK(outcome.result == CommandOutcome::Result::failed);
    CHECK_THAT(outcome.message, Catch::Contains("throws_in_command") &&
                                    Catch::Contains("division by zero in the report"));
    CHECK(runCommand(app.host, "good_base.secret").result == CommandOutcome::Result::done);
    CHECK(runCommand(app.host, "no.such.command").result == CommandOutcome::Result::unknown);
}

TEST_CASE("a command is refused without its permission and nothing happens", "[plugins]") {
    Application app;
    app.host.setPermissions(std::make_shared<Deny>());
    auto outcome = runCommand(app.host, "good_base.secret");
    CHECK(outcome.result == CommandOutcome::Result::refused);
    CHECK(app.registry.view("good_base.things")->list(app.host)->count() == 0);
    // The permission came from the manifest and is registered for the role editor.
    auto perms = app.registry.permissions();
    CHECK(std::any_of(perms.begin(), perms.end(), [](const auto& p) { return p.key == "good_base.secret"; }));
}

TEST_CASE("a disabled plugin is not loaded and takes the plugins that need it along", "[plugins]") {
    Application app({"good_base"});
    CHECK(app.plugin("good_base").state == PluginState::disabled);
    CHECK(app.plugin("good_base").reason == "disabled by the user");
    CHECK(app.plugin("good_user").state == PluginState::disabled);
    CHECK(app.plugin("good_user").reason == "needs good_base, which is disabled");
    CHECK_FALSE(app.registry.command("good_base.secret"));
}

TEST_CASE("plugins are stopped in reverse order", "[plugins]") {
    Application app;
    app.manager.stop();
    for (const auto& p : app.manager.plugins())
        CHECK(p.state != PluginState::started);
    CHECK(app.plugin("good_user").state == PluginState::stopped);
}
