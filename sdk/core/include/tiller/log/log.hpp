// Logging for every part of Tiller: a rotating file in the user's state directory and stderr.
// Messages are complete sentences; the logger adds time, level and thread.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace tiller::log {

enum class Level { debug, info, warning, error, off };

// "debug", "info", "warning"/"warn", "error", "off"; nullopt for anything else.
std::optional<Level> parseLevel(std::string_view text);
std::string_view levelName(Level level);

struct Options {
    Level fileLevel = Level::info;
    Level stderrLevel = Level::warning;
    std::filesystem::path directory;  // empty: paths::userStateDir()
    std::size_t maxFileBytes = 5 * 1024 * 1024;
    std::size_t keepFiles = 3;
};

// Safe to call again (e.g. after the configuration was read). Until then messages go to stderr.
// When the log folder cannot be written, logs to stderr only and says so once.
void init(const Options& options);
std::filesystem::path currentFile();

void write(Level level, std::string_view message);
inline void debug(std::string_view m) { write(Level::debug, m); }
inline void info(std::string_view m) { write(Level::info, m); }
inline void warning(std::string_view m) { write(Level::warning, m); }
inline void error(std::string_view m) { write(Level::error, m); }

}  // namespace tiller::log
