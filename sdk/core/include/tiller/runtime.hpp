// One running Tiller: its settings, language, plugins, database and host, brought up in the
// order the plugin contract promises. The GUI, tiller-cli and tests all start through it.
//
//   Runtime runtime(settings);
//   runtime.loadPlugins();     // manifests, libraries, contribute() -- no database needed
//   runtime.openDatabase();    // connect, core migrations, then each plugin's
//   runtime.startPlugins();    // start() in dependency order
//   ...                        // destruction stops plugins in reverse order
#pragma once

#include <tiller/config/settings.hpp>
#include <tiller/db/database.hpp>
#include <tiller/migrations/migrator.hpp>
#include <tiller/plugin/host.hpp>
#include <tiller/plugin/plugin_manager.hpp>
#include <tiller/plugin/registry.hpp>

#include <memory>

namespace tiller {

class Runtime {
public:
    explicit Runtime(config::Settings settings);
    ~Runtime();
    Runtime(const Runtime&) = delete;
    Runtime& operator=(const Runtime&) = delete;

    void loadPlugins();
    // Throws DatabaseUnavailable / MigrationError (core's); a plugin's failed migration fails
    // only that plugin.
    migrations::MigrationReport openDatabase();
    void startPlugins();

    const config::Settings& settings() const { return settings_; }
    plugin::Registry& registry() { return registry_; }
    plugin::PluginManager& plugins() { return *plugins_; }
    db::Database& database() { return *database_; }
    std::shared_ptr<db::Database> sharedDatabase() { return database_; }
    plugin::Host& host() { return *host_; }
    bool hasDatabase() const { return database_ != nullptr; }

    // Core's migrations and those of every contributed plugin: what a backup may contain.
    std::vector<migrations::Migration> knownMigrations() const;

    // The folder of the shell's own catalogs (build tree or installed layout).
    static std::filesystem::path shellCatalogFolder();

private:
    config::Settings settings_;
    plugin::Registry registry_;
    std::unique_ptr<plugin::PluginManager> plugins_;
    std::shared_ptr<db::Database> database_;
    std::unique_ptr<plugin::Host> host_;
};

}  // namespace tiller
