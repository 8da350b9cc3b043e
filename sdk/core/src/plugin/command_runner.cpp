#include <tiller/i18n/catalogs.hpp>
#include <tiller/log/log.hpp>
#include <tiller/plugin/command_runner.hpp>

namespace tiller::plugin {

CommandOutcome runCommand(Host& host, const std::string& commandId) {
    const Command* command = host.registry().command(commandId);
    if (!command || !command->run)
        return {CommandOutcome::Result::unknown, "there is no command '" + commandId + "'"};
    std::string label = i18n::tr(command->label);
    if (!host.allows(command->permission)) {
        log::warning("refused " + commandId + ": missing permission " + command->permission);
        return {CommandOutcome::Result::refused,
                i18n::tr("You are not allowed to do this:") + " " + label};
    }
    try {
        command->run(host);
        return {};
    } catch (const std::exception& e) {
        log::error("command " + commandId + " of plugin " + command->owner + " failed: " + e.what());
        return {CommandOutcome::Result::failed,
                "'" + label + "' (" + i18n::tr("plugin") + " " + command->owner + "): " + e.what()};
    }
}

}  // namespace tiller::plugin
