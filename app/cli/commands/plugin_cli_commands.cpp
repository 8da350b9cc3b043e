// tiller-cli sub-commands that plugins contribute through the Registry.
#include "../cli_context.hpp"

#include <tiller/errors.hpp>

#include <iostream>
#include <memory>

namespace tiller::cli {

void addPluginCliCommands(CLI::App& app, CliContext& context) {
    Runtime* runtime = nullptr;
    try {
        runtime = &context.runtime();
    } catch (const std::exception&) {
        return;  // the settings are broken; built-in commands will say how
    }
    for (const auto& command : runtime->registry().cliCommands()) {
        auto* sub = app.add_subcommand(command.name, command.summary + " [plugin " + command.owner + "]");
        auto invocation = std::make_shared<plugin::CliInvocation>();
        for (const auto& option : command.options) {
            auto name = option.name;
            if (option.flag) {
                sub->add_flag_callback("--" + name, [invocation, name] { invocation->values[name] = "1"; },
                                       option.help);
            } else {
                sub->add_option_function<std::string>(
                       "--" + name, [invocation, name](const std::string& v) { invocation->values[name] = v; },
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
