// tiller-cli: the headless companion of the Tiller GUI for administrators, scripts and tests.
// Exit status: 0 success, 1 the work failed, 2 the command line was wrong. A failure prints
// one line on stderr that says what went wrong and where.
#include "cli_context.hpp"

#include <tiller/errors.hpp>

#include <iostream>

int main(int argc, char** argv) {
    tiller::cli::CliContext context;
    context.prepare(argc, argv);  // settings and plugins, so plugin commands exist below

    CLI::App app{"tiller-cli: administer a Tiller database from the command line", "tiller-cli"};
    app.require_subcommand(1);
    app.fallthrough();  // global options may follow the command name too
    context.addGlobalOptions(app);
    tiller::cli::addVersionCommand(app, context);
    tiller::cli::addMigrateCommand(app, context);
    tiller::cli::addBackupCommands(app, context);
    tiller::cli::addPluginsCommands(app, context);
    tiller::cli::addDemoCommand(app, context);
    tiller::cli::addUserCommands(app, context);
    tiller::cli::addRoleCommands(app, context);
    tiller::cli::addDepartmentCommands(app, context);
    tiller::cli::addMailCommands(app, context);
    tiller::cli::addCalendarCommands(app, context);
    tiller::cli::addDictionaryCommands(app, context);
    tiller::cli::addFieldCommands(app, context);
    tiller::cli::addApprovalCommands(app, context);
    tiller::cli::addMessageCommands(app, context);
    tiller::cli::addRecordImportCommand(app, context);
    tiller::cli::addSearchCommand(app, context);
    tiller::cli::addPluginCliCommands(app, context);
    for (auto* command : app.get_subcommands({}))
        command->footer(
            "Global options (before or after the command): --db URL, --config FILE, --lang LANG, "
            "--plugins-dir DIR, --user LOGIN, --password-stdin, --log-level LEVEL; see 'tiller-cli --help'.");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "tiller-cli: " << e.what() << " (see 'tiller-cli --help')\n";
        return 2;
    } catch (const tiller::cli::ExitStatus& status) {
        return status.code;
    } catch (const tiller::Error& e) {
        std::cerr << "tiller-cli: " << e.what() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "tiller-cli: unexpected error: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
