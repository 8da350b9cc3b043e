#include "../cli_context.hpp"

#include <cstdio>

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
        "migrate", "Create or update the database schema (core's and every plugin's migrations)");
    context.addJsonFlag(*command);
    command->callback([&context] {
        auto& runtime = context.runtimeWithDatabase();
        const auto& url = runtime.settings().database;
        const auto& report = context.migrationReport();
        nlohmann::json applied = nlohmann::json::array();
        std::string text;
        for (const auto& m : report.applied) {
            applied.push_back({{"owner", m.owner}, {"number", m.number}, {"name", m.name}, {"ms", m.milliseconds}});
            text += "applied " + m.owner + "/" + std::to_string(m.number) + " '" + m.name + "' in " +
                    milliseconds(m.milliseconds) + "\n";
        }
        text += report.applied.empty()
                    ? "nothing to do: " + std::to_string(report.alreadyApplied) +
                          " migration(s) already applied to " + url.redacted()
                    : std::to_string(report.applied.size()) + " migration(s) applied, " +
                          std::to_string(report.alreadyApplied) + " already applied, on " +
                          url.redacted();
        nlohmann::json failed = nlohmann::json::array();
        for (const auto& p : runtime.plugins().plugins())
            if (p.state == plugin::PluginState::failed && p.reason.starts_with("its database migration"))
                failed.push_back({{"plugin", p.manifest.id}, {"reason", p.reason}});
        context.answer({{"database", url.redacted()},
                        {"applied", applied},
                        {"already_applied", report.alreadyApplied},
                        {"failed_plugins", failed}},
                       text);
    });
}

}  // namespace tiller::cli
