// What every tiller-cli command shares: the global options, the resolved settings, and the
// two ways of answering (a line of text for people, one JSON document for scripts).
#pragma once

#include "program_options.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <functional>
#include <string>

namespace tiller::cli {

class CliContext {
public:
    // Adds --db, --config, --lang, --plugins-dir and --log-level to the top-level app.
    void addGlobalOptions(CLI::App& app);

    // Settings from flags, environment and tiller.yaml; resolved on first use, then kept.
    const config::Settings& settings();

    // Adds --json to a command; `json()` tells whether it was given.
    void addJsonFlag(CLI::App& command);
    bool json() const { return json_; }

    // Prints `document` when --json was given, else `text` (followed by a newline).
    void answer(const nlohmann::json& document, const std::string& text) const;

private:
    app::ProgramOptions options_;
    std::optional<config::Settings> settings_;
    bool json_ = false;
};

// One command each; defined in commands/*.cpp.
void addVersionCommand(CLI::App& app, CliContext& context);
void addMigrateCommand(CLI::App& app, CliContext& context);
void addBackupCommands(CLI::App& app, CliContext& context);

}  // namespace tiller::cli
