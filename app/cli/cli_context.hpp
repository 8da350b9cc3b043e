// What every tiller-cli command shares: the settings and the Runtime (plugins, database)
// brought up as far as the command needs, and the two ways of answering (a line of text for
// people, one JSON document for scripts).
#pragma once

#include "program_options.hpp"

#include <tiller/runtime.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <exception>
#include <memory>
#include <string>

namespace tiller::cli {

// Thrown to end the program with a given status after the command said why itself.
struct ExitStatus {
    int code;
};

class CliContext {
public:
    // Reads the global options from the whole command line before the real parse, so that
    // plugins (whose folders the options name) can add their commands to it. A problem here
    // is kept and reported by the first command that needs the settings.
    void prepare(int argc, char** argv);

    void addGlobalOptions(CLI::App& app) { options_.addTo(app); }

    const config::Settings& settings();
    Runtime& runtime();            // plugins loaded, no database yet
    Runtime& runtimeWithDatabase();  // database open and migrated
    const migrations::MigrationReport& migrationReport() const { return migrationReport_; }
    Runtime& signedInRuntime();    // someone signed in (--user, or single-user mode)
    Runtime& startedRuntime();     // plugins started
    // Throws PermissionDenied unless the signed-in person has `permission`.
    void require(const std::string& permission);

    void addJsonFlag(CLI::App& command);
    bool json() const { return json_; }
    void answer(const nlohmann::json& document, const std::string& text) const;

private:
    app::ProgramOptions options_;       // bound to the real parser (for --help and checks)
    app::ProgramOptions earlyOptions_;  // bound to the early pass
    std::optional<config::Settings> settings_;
    std::exception_ptr settingsProblem_;
    std::unique_ptr<Runtime> runtime_;
    bool databaseOpen_ = false;
    bool signedIn_ = false;
    migrations::MigrationReport migrationReport_;
    bool started_ = false;
    bool json_ = false;
};

void addVersionCommand(CLI::App& app, CliContext& context);
void addMigrateCommand(CLI::App& app, CliContext& context);
void addBackupCommands(CLI::App& app, CliContext& context);
void addPluginsCommands(CLI::App& app, CliContext& context);
void addDemoCommand(CLI::App& app, CliContext& context);
void addUserCommands(CLI::App& app, CliContext& context);
void addRoleCommands(CLI::App& app, CliContext& context);
void addDepartmentCommands(CLI::App& app, CliContext& context);
void addMailCommands(CLI::App& app, CliContext& context);
void addCalendarCommands(CLI::App& app, CliContext& context);
void addDictionaryCommands(CLI::App& app, CliContext& context);
// fields ENTITY | fields add ENTITY NAME ...
void addFieldCommands(CLI::App& app, CliContext& context);
void addApprovalCommands(CLI::App& app, CliContext& context);
// messages, remind, reminders, announce
void addMessageCommands(CLI::App& app, CliContext& context);
// record import
void addRecordImportCommand(CLI::App& app, CliContext& context);
// search TEXT: every plugin's search provider (the global search)
void addSearchCommand(CLI::App& app, CliContext& context);
// Sub-commands contributed by plugins.
void addPluginCliCommands(CLI::App& app, CliContext& context);

}  // namespace tiller::cli
