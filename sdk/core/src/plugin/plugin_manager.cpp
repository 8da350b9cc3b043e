#include <tiller/plugin/plugin_manager.hpp>

#include <tiller/errors.hpp>
#include <tiller/i18n/catalogs.hpp>
#include <tiller/log/log.hpp>
#include <tiller/migrations/migrator.hpp>

#include <boost/dll/shared_library.hpp>

#include <algorithm>
#include <map>

namespace tiller::plugin {
namespace {

// Plugin libraries are never unloaded: functions and objects a plugin handed out (command
// handlers, services, event subscriptions) may outlive its manager, and unloading code that
// is still referenced crashes at exit. The operating system reclaims them with the process.
std::vector<boost::dll::shared_library>& loadedLibraries() {
    static auto* libraries = new std::vector<boost::dll::shared_library>;
    return *libraries;
}

// Boost.DLL wraps dlerror's text in its own words and an unrelated errno; keep dlerror's.
std::string loaderMessage(std::string text) {
    const std::string marker = "dlerror system message: ";
    auto start = text.find(marker);
    if (start != std::string::npos) {
        text.erase(0, start + marker.size());
        if (auto end = text.rfind("): "); end != std::string::npos) text.erase(end);
    }
    auto nl = text.find('\n');
    return nl == std::string::npos ? text : text.substr(0, nl);
}

}  // namespace

std::string_view stateName(PluginState state) {
    switch (state) {
        case PluginState::discovered: return "discovered";
        case PluginState::resolved: return "resolved";
        case PluginState::loaded: return "loaded";
        case PluginState::contributed: return "contributed";
        case PluginState::started: return "started";
        case PluginState::stopped: return "stopped";
        case PluginState::failed: return "failed";
        case PluginState::disabled: return "disabled";
    }
    return "unknown";
}

PluginManager::PluginManager(Options options) : options_(std::move(options)) {}

PluginManager::~PluginManager() {
    stop();
    for (auto& p : plugins_) p.instance.reset();
}

const PluginRecord* PluginManager::find(const std::string& id) const {
    for (const auto& p : plugins_)
        if (p.manifest.id == id) return &p;
    return nullptr;
}

std::vector<const PluginRecord*> PluginManager::running() const {
    std::vector<const PluginRecord*> out;
    for (const auto& p : plugins_)
        if (p.state == PluginState::started) out.push_back(&p);
    return out;
}

void PluginManager::addRecord(PluginRecord record) {
    if (const auto* existing = find(record.manifest.id)) {
        record.state = PluginState::failed;
        record.reason = "another plugin with id '" + record.manifest.id + "' was found first, at " +
                        existing->manifest.file.string();
    }
    plugins_.push_back(std::move(record));
}

void PluginManager::readManifest(const std::filesystem::path& file) {
    PluginRecord record;
    try {
        record.manifest = plugin::readManifest(file);
    } catch (const Error& e) {
        // Keep a record so the Plugins dialog can show what is wrong and where.
        record.manifest.file = file;
        record.manifest.id = file.parent_path().filename().string();
        record.manifest.name = i18n::Text(record.manifest.id, "");
        record.state = PluginState::failed;
        record.reason = e.what();
    }
    addRecord(std::move(record));
}

void PluginManager::discoverFolder(const std::filesystem::path& folder) {
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) return;
    if (std::filesystem::exists(folder / "plugin.yaml", ec)) {  // the folder is one plugin
        readManifest(folder / "plugin.yaml");
        return;
    }
    std::vector<std::filesystem::path> manifests;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
        if (entry.is_directory() && std::filesystem::exists(entry.path() / "plugin.yaml", ec))
            manifests.push_back(entry.path() / "plugin.yaml");
    std::sort(manifests.begin(), manifests.end());
    for (const auto& m : manifests) readManifest(m);
}

void PluginManager::discover() {
    plugins_.clear();
    for (const auto& folder : options_.folders) discoverFolder(folder);
}

bool PluginManager::needs(const PluginRecord& plugin, const std::string& id) const {
    return std::any_of(plugin.manifest.depends.begin(), plugin.manifest.depends.end(),
                       [&](const auto& d) { return d.id == id && !d.optional; });
}

void PluginManager::fail(std::size_t index, const std::string& reason, Registry* registry) {
    auto& p = plugins_[index];
    p.state = PluginState::failed;
    p.reason = reason;
    p.instance.reset();
    if (registry) registry->removeOwner(p.manifest.id);
    log::error("plugin " + p.manifest.id + " failed: " + reason);
    failDependents(p.manifest.id, registry);
}

void PluginManager::failDependents(const std::string& id, Registry* registry) {
    const auto* failed = find(id);
    bool disabled = failed && failed->state == PluginState::disabled;
    for (std::size_t i = 0; i < plugins_.size(); ++i) {
        auto& p = plugins_[i];
        if (p.state == PluginState::failed || p.state == PluginState::disabled) continue;
        if (!needs(p, id)) continue;
        if (disabled) {
            p.state = PluginState::disabled;
            p.reason = "needs " + id + ", which is disabled";
            if (registry) registry->removeOwner(p.manifest.id);
            failDependents(p.manifest.id, registry);
        } else {
            fail(i, "needs " + id + ", which failed", registry);
        }
    }
}

void PluginManager::resolve() {
    auto alive = [](const PluginRecord& p) {
        return p.state != PluginState::failed && p.state != PluginState::disabled;
    };
    // Checks on each plugin alone.
    for (auto& p : plugins_) {
        if (!alive(p)) continue;
        if (options_.disabled.count(p.manifest.id)) {
            p.state = PluginState::disabled;
            p.reason = "disabled by the user";
        } else if (!p.manifest.sdk.contains(options_.sdkVersion)) {
            p.state = PluginState::failed;
            p.reason = "needs SDK " + p.manifest.sdk.text() + ", but this Tiller provides SDK " +
                       options_.sdkVersion.text();
        }
    }
    // Dependencies present, in range.
    for (auto& p : plugins_) {
        if (!alive(p)) continue;
        for (const auto& d : p.manifest.depends) {
            const auto* dep = find(d.id);
            if (!dep) {
                if (d.optional) continue;
                p.state = PluginState::failed;
                p.reason = "needs " + d.id + " " + d.versions.text() + ", which is not installed";
                break;
            }
            if (!d.versions.contains(dep->manifest.version)) {
                if (d.optional) continue;
                p.state = PluginState::failed;
                p.reason = "needs " + d.id + " " + d.versions.text() + ", but " + d.id + " " +
                           dep->manifest.version.text() + " is installed";
                break;
            }
        }
    }
    // Cycles: a depth-first walk over the dependencies of plugins still in play.
    std::map<std::string, int> mark;  // 0 new, 1 on the path, 2 done
    std::vector<std::string> path;
    std::function<void(const std::string&)> visit = [&](const std::string& id) {
        const auto* p = find(id);
        if (!p || !alive(*p)) return;
        mark[id] = 1;
        path.push_back(id);
        for (const auto& d : p->manifest.depends) {
            if (mark[d.id] == 1) {
                auto start = std::find(path.begin(), path.end(), d.id);
                std::string cycle;
                for (auto it = start; it != path.end(); ++it) cycle += *it + " -> ";
                cycle += d.id;
                for (auto it = start; it != path.end(); ++it) {
                    for (auto& r : plugins_)
                        if (r.manifest.id == *it && alive(r)) {
                            r.state = PluginState::failed;
                            r.reason = "circular dependency: " + cycle;
                        }
                }
            } else if (mark[d.id] == 0) {
                visit(d.id);
            }
        }
        path.pop_back();
        mark[id] = 2;
    };
    for (const auto& p : plugins_)
        if (mark[p.manifest.id] == 0) visit(p.manifest.id);

    // Whatever needs a failed or disabled plugin cannot run either. (A refused duplicate is
    // not the plugin others depend on: the first one with that id is.)
    for (std::size_t i = 0; i < plugins_.size(); ++i)
        if (!alive(plugins_[i]) && find(plugins_[i].manifest.id) == &plugins_[i])
            failDependents(plugins_[i].manifest.id, nullptr);

    // Dependency order (Kahn), alphabetical among equals so every run is the same.
    std::vector<PluginRecord> ordered, rest;
    std::vector<PluginRecord> pending;
    for (auto& p : plugins_) (alive(p) ? pending : rest).push_back(std::move(p));
    std::sort(pending.begin(), pending.end(),
              [](const auto& a, const auto& b) { return a.manifest.id < b.manifest.id; });
    while (!pending.empty()) {
        auto ready = std::find_if(pending.begin(), pending.end(), [&](const PluginRecord& p) {
            return std::all_of(p.manifest.depends.begin(), p.manifest.depends.end(), [&](const auto& d) {
                bool inPending = std::any_of(pending.begin(), pending.end(),
                                             [&](const auto& q) { return q.manifest.id == d.id; });
                return !inPending;
            });
        });
        if (ready == pending.end()) break;  // cannot happen after the cycle check
        ready->state = PluginState::resolved;
        ordered.push_back(std::move(*ready));
        pending.erase(ready);
    }
    for (auto& p : pending) ordered.push_back(std::move(p));
    for (auto& p : rest) ordered.push_back(std::move(p));
    plugins_ = std::move(ordered);
}

void PluginManager::load() {
    for (std::size_t i = 0; i < plugins_.size(); ++i) {
        auto& p = plugins_[i];
        if (p.state != PluginState::resolved) continue;
        i18n::addCatalogFolder(p.manifest.folder() / "locale", p.manifest.catalogDomain());
        if (p.manifest.library.empty()) {  // a plugin made of declarations only
            p.state = PluginState::loaded;
            continue;
        }
        auto file = p.manifest.folder() / p.manifest.library;
        std::error_code ec;
        if (!std::filesystem::exists(file, ec)) {
            fail(i, "its library " + p.manifest.library + " is not in " + p.manifest.folder().string(), nullptr);
            continue;
        }
        try {
            boost::dll::shared_library library(file.string(), boost::dll::load_mode::rtld_now);
            if (!library.has(kEntryPoint)) {
                fail(i, "its library " + p.manifest.library +
                            " has no Tiller entry point (build it with TILLER_PLUGIN(YourPlugin))",
                     nullptr);
                continue;
            }
            auto& create = library.get_alias<PluginFactory>(kEntryPoint);
            auto instance = create();
            if (!instance) {
                fail(i, "its library " + p.manifest.library + " created no plugin", nullptr);
                continue;
            }
            loadedLibraries().push_back(std::move(library));
            p.instance = std::move(instance);
            p.state = PluginState::loaded;
        } catch (const std::exception& e) {
            fail(i, "cannot load " + p.manifest.library + ": " + loaderMessage(e.what()), nullptr);
        }
    }
}

void PluginManager::contribute(Registry& registry) {
    for (std::size_t i = 0; i < plugins_.size(); ++i) {
        auto& p = plugins_[i];
        if (p.state != PluginState::loaded) continue;
        registry.setOwner(p.manifest.id);
        registry.setOwnerName(p.manifest.id, p.manifest.name);
        try {
            for (const auto& perm : p.manifest.permissions)
                registry.add(Permission{perm.key, perm.label, "", perm.roles});
            for (const auto& file : p.manifest.flows) registry.add(approval::readFlow(p.manifest.folder() / file));
            const std::string domain = p.manifest.catalogDomain();
            auto entities = [&registry](const std::string& id) { return registry.entity(id); };
            for (const auto& file : p.manifest.entities) registry.add(record::readEntity(p.manifest.folder() / file, domain));
            for (const auto& file : p.manifest.forms) registry.add(record::readForm(p.manifest.folder() / file, domain, entities));
            for (const auto& file : p.manifest.lists) registry.add(record::readList(p.manifest.folder() / file, domain, entities));
            if (p.instance) p.instance->contribute(registry);
            p.state = PluginState::contributed;
        } catch (const std::exception& e) {
            fail(i, std::string("failed while adding its parts (contribute): ") + e.what(), &registry);
        }
    }
    registry.setOwner("shell");
}

migrations::MigrationReport PluginManager::migrate(db::Database& database, Registry& registry) {
    migrations::MigrationReport report;
    for (std::size_t i = 0; i < plugins_.size(); ++i) {
        auto& p = plugins_[i];
        if (p.state != PluginState::contributed) continue;
        auto own = registry.migrationsOf(p.manifest.id);
        if (own.empty()) continue;
        try {
            migrations::Migrator migrator(database);
            migrator.add(own);
            auto applied = migrator.apply();
            report.applied.insert(report.applied.end(), applied.applied.begin(), applied.applied.end());
            report.alreadyApplied += applied.alreadyApplied;
        } catch (const DatabaseUnavailable&) {
            throw;  // not the plugin's fault: nothing can run
        } catch (const std::exception& e) {
            fail(i, std::string("its database migration failed: ") + e.what(), &registry);
        }
    }
    return report;
}

void PluginManager::start(Host& host, Registry& registry) {
    for (std::size_t i = 0; i < plugins_.size(); ++i) {
        auto& p = plugins_[i];
        if (p.state != PluginState::contributed) continue;
        try {
            if (p.instance) p.instance->start(host);
            p.state = PluginState::started;
            log::info("plugin " + p.manifest.id + " " + p.manifest.version.text() + " started");
        } catch (const std::exception& e) {
            fail(i, std::string("failed to start: ") + e.what(), &registry);
        }
    }
}

void PluginManager::stop() {
    for (auto it = plugins_.rbegin(); it != plugins_.rend(); ++it) {
        if (it->state != PluginState::started) continue;
        try {
            if (it->instance) it->instance->stop();
        } catch (const std::exception& e) {
            log::error("plugin " + it->manifest.id + " failed while stopping: " + e.what());
        }
        it->state = PluginState::stopped;
    }
}

void PluginManager::loadAndContribute(Registry& registry) {
    discover();
    resolve();
    load();
    contribute(registry);
}

}  // namespace tiller::plugin
