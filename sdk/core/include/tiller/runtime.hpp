// One running Tiller: its settings, language, plugins, database and host, brought up in the
// order the plugin contract promises. The GUI, tiller-cli and tests all start through it.
//
//   Runtime runtime(settings);
//   runtime.loadPlugins();     // manifests, libraries, contribute() -- no database needed
//   runtime.openDatabase();    // connect, core migrations, then each plugin's
//   runtime.signIn(login, pw); // or signInAlone() for a one-person shop
//   runtime.startPlugins();    // start() in dependency order
//   ...                        // destruction stops plugins in reverse order
#pragma once

#include <tiller/clock.hpp>
#include <tiller/config/settings.hpp>
#include <tiller/identity/access.hpp>
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
    // A PostgreSQL password to use (from a prompt); `remember` keeps it in the desktop keyring.
    void useDatabasePassword(const std::string& password, bool remember);
    // Throws DatabaseUnavailable / MigrationError (core's); a plugin's failed migration fails
    // only that plugin.
    migrations::MigrationReport openDatabase();
    void startPlugins();
    // Lets go of every connection (before a restore replaces the database). Plugins must not
    // be running.
    void closeDatabase();

    // After openDatabase(): who is working. A database with one active user signs that
    // administrator in without a password (single-user mode); otherwise a login and password
    // are needed. Throws SignInRefused.
    bool signInRequired();
    void signIn(const std::string& login, const std::string& password);
    void signInAlone();
    // The signed-in person (nullptr before sign-in).
    const identity::AccessPolicy* signedIn() const { return policy_.get(); }
    const Clock& clock() const { return *clock_; }

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
    void registerCorePermissions();
    void prepareIdentity();

    config::Settings settings_;
    std::unique_ptr<Clock> clock_ = std::make_unique<SystemClock>();
    std::shared_ptr<identity::AccessPolicy> policy_;
    plugin::Registry registry_;
    std::unique_ptr<plugin::PluginManager> plugins_;
    std::shared_ptr<db::Database> database_;
    std::unique_ptr<plugin::Host> host_;
    plugin::EventBus::Subscription approvalStates_;  // records follow their approvals
};

}  // namespace tiller
