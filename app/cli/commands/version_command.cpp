#include "../cli_context.hpp"

#include <tiller/version.hpp>

namespace tiller::cli {

void addVersionCommand(CLI::App& app, CliContext& context) {
    auto* command = app.add_subcommand("version", "Print the version of Tiller");
    context.addJsonFlag(*command);
    command->callback([&context] {
        context.answer({{"version", kVersion}, {"engines", {"sqlite", "postgresql"}}},
                       std::string("tiller-cli ") + kVersion);
    });
}

}  // namespace tiller::cli
