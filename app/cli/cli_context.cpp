#include "cli_context.hpp"

#include <iostream>

namespace tiller::cli {

void CliContext::prepare(int argc, char** argv) {
    CLI::App early;
    early.allow_extras();
    early.set_help_flag();
    earlyOptions_.addTo(early);
    try {
        early.parse(argc, argv);
        settings_ = earlyOptions_.resolveAndStartLogging(log::Level::warning);
        runtime_ = std::make_unique<Runtime>(*settings_);
        runtime_->loadPlugins();
    } catch (const CLI::Error&) {
        // The real parse reports command-line mistakes with the full set of commands.
    } catch (const std::exception&) {
        settingsProblem_ = std::current_exception();
        settings_.reset();
        runtime_.reset();
    }
}

const config::Settings& CliContext::settings() {
    if (settingsProblem_) std::rethrow_exception(settingsProblem_);
    if (!settings_) {
        settings_ = options_.resolveAndStartLogging(log::Level::warning);
    }
    return *settings_;
}

Runtime& CliContext::runtime() {
    if (!runtime_) {
        runtime_ = std::make_unique<Runtime>(settings());
        runtime_->loadPlugins();
    }
    return *runtime_;
}

Runtime& CliContext::runtimeWithDatabase() {
    auto& rt = runtime();
    if (!databaseOpen_) {
        migrationReport_ = rt.openDatabase();
        rt.host().setNotifier([](const std::string& message) { std::cerr << message << '\n'; });
        databaseOpen_ = true;
    }
    return rt;
}

Runtime& CliContext::startedRuntime() {
    auto& rt = runtimeWithDatabase();
    if (!started_) {
        rt.startPlugins();
        started_ = true;
    }
    return rt;
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
