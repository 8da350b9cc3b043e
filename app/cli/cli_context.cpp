#include "cli_context.hpp"

#include <iostream>

namespace tiller::cli {

void CliContext::addGlobalOptions(CLI::App& app) { options_.addTo(app); }

const config::Settings& CliContext::settings() {
    if (!settings_) settings_ = options_.resolveAndStartLogging(log::Level::warning);
    return *settings_;
}

void CliContext::addJsonFlag(CLI::App& command) {
    command.add_flag("--json", json_, "Print one JSON document instead of text");
}

void CliContext::answer(const nlohmann::json& document, const std::string& text) const {
    if (json_)
        std::cout << document.dump(2) << '\n';
    else
        std::cout << text << '\n';
}

}  // namespace tiller::cli
