#include <tiller/config/config.hpp>
#include <tiller/config/settings.hpp>
#include <tiller/paths.hpp>

#include <cstdlib>

namespace tiller::config {

Settings resolve(const Overrides& overrides) {
    Config file = overrides.configFile ? loadFile(*overrides.configFile) : loadDefault();
    Settings settings;
    settings.configFile = file.source;

    std::optional<std::string> url = overrides.database;
    if (!url) {
        if (const char* env = std::getenv("TILLER_DB"); env && *env) url = env;
    }
    if (!url) url = file.database;
    settings.database = url ? db::DatabaseUrl::parse(*url)
                            : db::DatabaseUrl::sqliteFile(paths::defaultDatabaseFile());

    settings.language = overrides.language.value_or(file.language.value_or(""));
    settings.pluginDirs = file.pluginDirs;
    settings.pluginDirs.insert(settings.pluginDirs.end(), overrides.pluginDirs.begin(),
                               overrides.pluginDirs.end());
    settings.logLevel = overrides.logLevel.value_or(file.logLevel.value_or(log::Level::info));
    return settings;
}

}  // namespace tiller::config
