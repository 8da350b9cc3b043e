#include <tiller/runtime.hpp>

#include <tiller/i18n/catalogs.hpp>
#include <tiller/log/log.hpp>
#include <tiller/startup.hpp>

namespace tiller {

Runtime::Runtime(config::Settings settings) : settings_(std::move(settings)) {
    i18n::setLanguage(i18n::resolveLanguage(settings_.language));
    i18n::addCatalogFolder(shellCatalogFolder(), "tiller");
    plugin::PluginManager::Options options;
    options.folders = plugin::defaultPluginFolders();
    options.folders.insert(options.folders.end(), settings_.pluginDirs.begin(),
                           settings_.pluginDirs.end());
    options.disabled = plugin::loadDisabledPlugins();
    plugins_ = std::make_unique<plugin::PluginManager>(std::move(options));
}

Runtime::~Runtime() {
    plugins_->stop();
}

std::filesystem::path Runtime::shellCatalogFolder() {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return exe.parent_path().parent_path() / "share" / "locale";
}

void Runtime::loadPlugins() { plugins_->loadAndContribute(registry_); }

migrations::MigrationReport Runtime::openDatabase() {
    auto opened = startup::openAndMigrate(settings_.database);
    database_ = opened.database;
    auto report = opened.migrations;
    auto own = plugins_->migrate(*database_, registry_);
    report.applied.insert(report.applied.end(), own.applied.begin(), own.applied.end());
    report.alreadyApplied += own.alreadyApplied;
    host_ = std::make_unique<plugin::Host>(database_, registry_);
    return report;
}

void Runtime::startPlugins() {
    if (!host_) openDatabase();
    plugins_->start(*host_, registry_);
}

std::vector<migrations::Migration> Runtime::knownMigrations() const {
    auto all = startup::knownMigrations();
    for (const auto& p : plugins_->plugins()) {
        auto own = registry_.migrationsOf(p.manifest.id);
        all.insert(all.end(), own.begin(), own.end());
    }
    return all;
}

}  // namespace tiller
