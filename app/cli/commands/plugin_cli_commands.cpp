// tiller-cli sub-commands that plugins contribute through the Registry.
#include "../cli_context.hpp"
#include "../text_progress.hpp"

#include <tiller/errors.hpp>

#include <iostream>
#include <memory>

namespace tiller::cli {
namespace {

// "customers merge" becomes `customers` (a group several plugins may add to) > `merge`.
CLI::App* addPluginSubcommand(CLI::App& app, const plugin::CliCommand& command) {
    std::string summary = command.summary + " [plugin " + command.owner + "]";
    auto space = command.name.find(' ');
    if (space == std::string::npos) return app.add_subcommand(command.name, summary);
    std::string group = command.name.substr(0, space), leaf = command.name.substr(space + 1);
    auto same = app.get_subcommands([&](CLI::App* existing) { return existing->get_name() == group; });
    CLI::App* parent = same.empty() ? nullptr : same.front();
    if (!parent) {
        parent = app.add_subcommand(group, group + " commands of plugins");
        parent->require_subcommand(1);
    }
    return parent->add_subcommand(leaf, summary);
}

}  // namespace

void addPluginCliCommands(CLI::App& app, CliContext& context) {
    Runtime* runtime = nullptr;
    try {
        runtime = &context.runtime();
    } catch (const std::exception&) {
        return;  // the settings are broken; built-in commands will say how
    }
    for (const auto& command : runtime->registry().cliCommands()) {
        auto* sub = addPluginSubcommand(app, command);
        auto invocation = std::make_shared<plugin::CliInvocation>();
        for (const auto& option : command.options) {
            auto name = option.name;
            auto flagName = (option.shortName.empty() ? std::string() : "-" + option.shortName + ",") + "--" + name;
            if (option.repeated) {
                sub->add_option_function<std::vector<std::string>>(
                       flagName,
                       [invocation, name](const std::vector<std::string>& all) {
                           invocation->lists[name] = all;
                           if (!all.empty()) invocation->values[name] = all.back();
                       },
                       option.help)
                    ->required(option.required)
                    ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
                    ->expected(1);
            } else if (option.flag) {
                sub->add_flag_callback(flagName, [invocation, name] { invocation->values[name] = "1"; },
                                       option.help);
            } else {
                sub->add_option_function<std::string>(
                       flagName, [invocation, name](const std::string& v) { invocation->values[name] = v; },
                       option.help)
                    ->required(option.required);
            }
        }
        if (!command.argumentsName.empty())
            sub->add_option("arguments", invocation->arguments, command.argumentsName)->type_name(command.argumentsName);
        context.addJsonFlag(*sub);
        sub->callback([&context, command, invocation] {
            auto& started = context.startedRuntime();
            started.host().require(command.permission);
            invocation->json = context.json();
            int status = 0;
            try {
                TextProgress progress(command.name.c_str());  // a bar on stderr when it is a terminal
                invocation->progress = &progress;
                status = command.run(started.host(), *invocation, std::cout);
            } catch (const Error&) {
                throw;
            } catch (const std::exception& e) {
                throw Error("plugin " + command.owner + " failed in '" + command.name + "': " + e.what());
            }
            if (status != 0) throw ExitStatus{status};
        });
    }
}

}  // namespace tiller::cli
