// The settings a program runs with, from (highest first) its command-line flags, the
// TILLER_DB environment variable, tiller.yaml, and the built-in defaults. The GUI and the CLI
// resolve them the same way.
#pragma once

#include <tiller/db/url.hpp>
#include <tiller/log/log.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace tiller::config {

struct Overrides {
    std::optional<std::string> database;          // --db
    std::optional<std::filesystem::path> configFile;  // --config (must exist when given)
    std::optional<std::string> language;          // --lang
    std::vector<std::filesystem::path> pluginDirs;    // --plugins-dir, added to the file's
    std::optional<log::Level> logLevel;           // --log-level
};

struct Settings {
    db::DatabaseUrl database;
    std::string language;  // "" = the system's
    std::vector<std::filesystem::path> pluginDirs;
    log::Level logLevel = log::Level::info;
    std::filesystem::path configFile;  // the file that was read, if any
};

// Throws ConfigError (bad file) or DatabaseUnavailable (bad URL); never half-resolves.
Settings resolve(const Overrides& overrides);

}  // namespace tiller::config
