// Finds, checks, loads, starts and stops plugins (Qt Creator's extensionsystem is the model).
//
// Every plugin has an explicit state and, when it is not running, the reason in one sentence:
//   discovered -> resolved -> loaded -> contributed -> started -> stopped
//                                  \-> failed (bad manifest, missing or circular dependency,
//                                      SDK range not met, library missing or without entry
//                                      point, exception in contribute/start, migration failed,
//                                      or "needs X, which failed")
//                                  \-> disabled (by the user, or "needs X, which is disabled")
// A broken plugin never stops the others.
#pragma once

#include <tiller/migrations/migrator.hpp>
#include <tiller/plugin/manifest.hpp>
#include <tiller/plugin/plugin.hpp>
#include <tiller/plugin/sdk_version.hpp>

#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace tiller::plugin {

enum class PluginState { discovered, resolved, loaded, contributed, started, stopped, failed, disabled };
std::string_view stateName(PluginState state);

struct PluginRecord {
    Manifest manifest;  // as much as could be read (id at least: the folder's name)
    PluginState state = PluginState::discovered;
    std::string reason;  // why it is failed or disabled
    std::shared_ptr<Plugin> instance;
};

class PluginManager {
public:
    struct Options {
        std::vector<std::filesystem::path> folders;  // searched in this order
        std::set<std::string> disabled;              // ids the user switched off
        Version sdkVersion = kSdkApiVersion;
    };
    explicit PluginManager(Options options);
    ~PluginManager();
    PluginManager(const PluginManager&) = delete;
    PluginManager& operator=(const PluginManager&) = delete;

    // Reads every manifest, checks versions and dependencies, orders the plugins, and loads
    // their libraries. No plugin code runs except the factory that creates the plugin object.
    void discover();
    void resolve();
    void load();

    // contribute() of each loaded plugin, in dependency order; also registers the permissions
    // declared in its manifest.
    void contribute(Registry& registry);
    // Applies each contributed plugin's migrations (after core's); a failure fails the plugin.
    // Returns what was applied.
    migrations::MigrationReport migrate(db::Database& database, Registry& registry);
    void start(Host& host, Registry& registry);
    void stop();

    // discover + resolve + load + contribute.
    void loadAndContribute(Registry& registry);

    const std::vector<PluginRecord>& plugins() const { return plugins_; }
    const PluginRecord* find(const std::string& id) const;
    // Running plugins in start order.
    std::vector<const PluginRecord*> running() const;

private:
    void fail(std::size_t index, const std::string& reason, Registry* registry);
    void failDependents(const std::string& id, Registry* registry);
    bool needs(const PluginRecord& plugin, const std::string& id) const;
    void addRecord(PluginRecord record);
    void discoverFolder(const std::filesystem::path& folder);
    void readManifest(const std::filesystem::path& file);

    Options options_;
    std::vector<PluginRecord> plugins_;  // in dependency order once resolved
};

// Where plugins are looked for by default: beside the program (build tree and installed
// layouts) and the user's plugin folder.
std::vector<std::filesystem::path> defaultPluginFolders();

// The user's choice of disabled plugins, kept in $XDG_CONFIG_HOME/tiller/plugins.yaml.
std::set<std::string> loadDisabledPlugins();
void saveDisabledPlugins(const std::set<std::string>& disabled);

}  // namespace tiller::plugin
