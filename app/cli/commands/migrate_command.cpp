#include "../cli_context.hpp"

#include <tiller/migrations/migrator.hpp>
#include <tiller/startup.hpp>

#include <cstdio>
#include <iostream>

namespace tiller::cli {
namespace {

std::string milliseconds(double ms) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f ms", ms);
    return text;
}

}  // namespace

void addMigrateCommand(CLI::App& app, CliContext& context) {
    auto* command = app.add_subcommand(
        "migrate", "Create or update the database schema (applies pending migrations)");
    context.addJsonFlag(*command);
    command->callback([&context] {
        const auto& url = context.settings().database;
        auto database = db::Database::open(url);
        migrations::Migrator migrator(*database);
        migrator.add(startup::knownMigrations());
        auto report = migrator.apply([&](const migrations::AppliedMigration& m) {
            if (!context.json())
                std::cout << "applied " << m.owner << "/" << m.number << " '" << m.name << "' in "
                          << milliseconds(m.milliseconds) << '\n';
        });
        nlohmann::json applied = nlohmann::json::array();
        for (const auto& m : report.applied)
            applied.push_back({{"owner", m.owner},
                               {"number", m.number},
                               {"name", m.name},
                               {"ms", m.milliseconds}});
        std::string text =
            report.applied.empty()
                ? "nothing to do: " + std::to_string(report.alreadyApplied) +
                      " migration(s) already applied to " + url.redacted()
                : std::to_string(report.applied.size()) + " migration(s) applied, " +
                      std::to_string(report.alreadyApplied) + " already applied, on " +
                      url.redacted();
        context.answer({{"database", url.redacted()},
                        {"applied", applied},
                        {"already_applied", report.alreadyApplied}},
                       text);
    });
}

}  // namespace tiller::cli
