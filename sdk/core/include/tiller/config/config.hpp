// tiller.yaml: the settings a person keeps between runs. Command-line flags override it.
//
//   database: sqlite:/home/me/shop.db        # or postgresql://user@host:5432/db
//   language: zh_CN
//   plugin_dirs: [/opt/tiller-plugins]
//   log_level: info                          # debug | info | warning | error
#pragma once

#include <tiller/log/log.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace tiller::config {

struct Config {
    std::optional<std::string> database;
    std::optional<std::string> language;
    std::vector<std::filesystem::path> pluginDirs;
    std::optional<log::Level> logLevel;
    std::filesystem::path source;  // the file it came from; empty when none existed
};

// Reads one file. Throws ConfigError naming the file, the line and the key on any problem;
// never returns half a configuration.
Config loadFile(const std::filesystem::path& file);

// paths::userConfigDir()/tiller.yaml, or an empty Config when that file does not exist.
Config loadDefault();

std::filesystem::path defaultFile();

}  // namespace tiller::config
