#include "../cli_context.hpp"

#include <tiller/backup/backup.hpp>

namespace tiller::cli {

void addBackupCommands(CLI::App& app, CliContext& context) {
    static std::string backupFile, restoreFile;

    auto* backup = app.add_subcommand(
        "backup", "Copy the whole database into FILE (consistent even while Tiller runs)");
    backup->add_option("FILE", backupFile, "Where to write the backup")->required();
    context.addJsonFlag(*backup);
    backup->callback([&context] {
        context.require("core.backup");
        const auto& url = context.settings().database;
        auto result = backup::backup(url, backupFile);
        context.answer({{"database", url.redacted()},
                        {"file", result.file.string()},
                        {"bytes", result.bytes},
                        {"ms", result.milliseconds}},
                       "backed up " + url.redacted() + " to " + result.file.string() + " (" +
                           std::to_string(result.bytes) + " bytes)");
    });

    auto* restore = app.add_subcommand(
        "restore", "Replace the database with a backup, after checking the backup is sound");
    restore->add_option("FILE", restoreFile, "A file written by 'tiller-cli backup'")->required();
    context.addJsonFlag(*restore);
    restore->callback([&context] {
        context.require("core.restore");
        const auto& url = context.settings().database;
        auto known = context.runtime().knownMigrations();
        context.runtime().closeDatabase();  // PostgreSQL swaps databases only when nobody is connected
        auto result = backup::restore(url, restoreFile, known);
        context.answer({{"database", url.redacted()},
                        {"file", result.file.string()},
                        {"migrations", result.migrationsInBackup},
                        {"ms", result.milliseconds}},
                       "restored " + url.redacted() + " from " + result.file.string());
    });
}

}  // namespace tiller::cli
