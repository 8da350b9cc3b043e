#include "cli_context.hpp"

#include <tiller/errors.hpp>

#include <iostream>

namespace tiller::cli {

void CliContext::prepare(int argc, char** argv) {
    CLI::App early;
    early.allow_extras();
    early.set_help_flag();
    earlyOptions_.addTo(early);
    try {
        early.parse(argc, argv);
        settings_ = earlyOptions_.resolveAndStartLogging(log::Level::off);
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
        settings_ = options_.resolveAndStartLogging(log::Level::off);
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

Runtime& CliContext::signedInRuntime() {
    auto& rt = runtimeWithDatabase();
    if (!signedIn_) {
        const auto& login = options_.user();
        if (login.empty()) {
            if (rt.signInRequired())
                throw SignInRefused("this database has several users: say who you are with --user LOGIN "
                                    "and the password (--password-stdin or TILLER_PASSWORD)");
            rt.signInAlone();
        } else {
            auto password = options_.password();
            if (!password)
                throw SignInRefused("give the password of '" + login + "' with --password-stdin or TILLER_PASSWORD");
            rt.signIn(login, *password);
        }
        signedIn_ = true;
    }
    return rt;
}

void CliContext::require(const std::string& permission) { signedInRuntime().host().require(permission); }

Runtime& CliContext::startedRuntime() {
    auto& rt = signedInRuntime();
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
