#include "../cli_context.hpp"
#include "../scaffold.hpp"

#include <tiller/errors.hpp>
#include <tiller/i18n/catalogs.hpp>

#include <iomanip>
#include <sstream>

namespace tiller::cli {
namespace {

nlohmann::json describe(const plugin::PluginRecord& p) {
    return {{"id", p.manifest.id},
            {"name", i18n::tr(p.manifest.name)},
            {"version", p.manifest.version.text()},
            {"vendor", p.manifest.vendor},
            {"license", p.manifest.license},
            {"state", std::string(plugin::stateName(p.state))},
            {"reason", p.reason},
            {"manifest", p.manifest.file.string()}};
}

void setEnabled(CliContext& context, const std::string& id, bool enabled) {
    context.require("core.plugins");
    auto& runtime = context.runtime();
    if (!runtime.plugins().find(id)) throw Error("there is no plugin '" + id + "'");
    auto disabled = plugin::loadDisabledPlugins();
    if (enabled)
        disabled.erase(id);
    else
        disabled.insert(id);
    plugin::saveDisabledPlugins(disabled);
    context.answer({{"id", id}, {"enabled", enabled}},
                   "plugin " + id + (enabled ? " enabled" : " disabled") +
                       "; it takes effect the next time Tiller starts");
}

}  // namespace

void addPluginsCommands(CLI::App& app, CliContext& context) {
    auto* list = app.add_subcommand(
        "plugins", "List every plugin found, with version, state and the reason it is not running");
    context.addJsonFlag(*list);
    list->callback([&context] {
        auto& runtime = context.startedRuntime();
        nlohmann::json all = nlohmann::json::array();
        std::ostringstream text;
        for (const auto& p : runtime.plugins().plugins()) {
            all.push_back(describe(p));
            text << std::left << std::setw(22) << p.manifest.id << std::setw(10)
                 << p.manifest.version.text() << std::setw(10) << plugin::stateName(p.state)
                 << (p.reason.empty() ? i18n::tr(p.manifest.name) : p.reason) << '\n';
        }
        std::string lines = text.str();
        if (!lines.empty()) lines.pop_back();
        context.answer({{"sdk", plugin::kSdkApiVersion.text()}, {"plugins", all}},
                       lines.empty() ? "no plugins found" : lines);
    });

    static std::string id, folder;
    auto* plugin = app.add_subcommand("plugin", "Create, enable or disable a plugin");
    plugin->require_subcommand(1);
    auto* create = plugin->add_subcommand(
        "new", "Write a new out-of-tree plugin (manifest, CMake project, command, list, test)");
    create->add_option("ID", id, "The plugin's id: lower case letters, digits and _")->required();
    create->add_option("--dir", folder, "Where to create the folder <ID> (default: here)");
    context.addJsonFlag(*create);
    create->callback([&context] {
        auto written = writeScaffold(id, folder.empty() ? std::filesystem::current_path() : std::filesystem::path(folder));
        nlohmann::json files = nlohmann::json::array();
        for (const auto& f : written.files) files.push_back(f.string());
        context.answer({{"folder", written.folder.string()}, {"files", files}},
                       "created " + written.folder.string() + " (" + std::to_string(written.files.size()) +
                           " files); build it with:\n  cmake -S " + written.folder.string() + " -B " +
                           (written.folder / "build").string() + " && cmake --build " +
                           (written.folder / "build").string());
    });
    for (bool enable : {true, false}) {
        auto* toggle = plugin->add_subcommand(enable ? "enable" : "disable",
                                              enable ? "Enable a plugin" : "Disable a plugin (kept installed)");
        toggle->add_option("ID", id, "The plugin's id")->required();
        context.addJsonFlag(*toggle);
        toggle->callback([&context, enable] { setEnabled(context, id, enable); });
    }
}

}  // namespace tiller::cli
