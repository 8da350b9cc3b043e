// The options every Tiller program takes (--db, --config, --lang, --plugins-dir,
// --log-level), bound to config::Overrides the same way in the GUI and the CLI.
#pragma once

#include <tiller/config/settings.hpp>

#include <CLI/CLI.hpp>

namespace tiller::app {

class ProgramOptions {
public:
    void addTo(CLI::App& app);
    // Resolves flags, environment and tiller.yaml, then starts logging at the chosen level.
    config::Settings resolveAndStartLogging(log::Level stderrLevel) const;

private:
    config::Overrides overrides_;
    std::string logLevel_;
};

}  // namespace tiller::app
