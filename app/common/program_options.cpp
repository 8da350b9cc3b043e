#include "program_options.hpp"

#include <cstdlib>
#include <iostream>

namespace tiller::app {

void ProgramOptions::addTo(CLI::App& app) {
    app.add_option_function<std::string>(
           "--db", [this](const std::string& v) { overrides_.database = v; },
           "Database URL: sqlite:<path> or postgresql://user@host:port/db (or set TILLER_DB)")
        ->type_name("URL");
    app.add_option_function<std::string>(
           "--config", [this](const std::string& v) { overrides_.configFile = v; },
           "Configuration file (default: ~/.config/tiller/tiller.yaml)")
        ->type_name("FILE");
    app.add_option_function<std::string>(
           "--lang", [this](const std::string& v) { overrides_.language = v; },
           "Language, e.g. en or zh_CN")
        ->type_name("LANG");
    app.add_option_function<std::vector<std::string>>(
           "--plugins-dir",
           [this](const std::vector<std::string>& v) {
               for (const auto& d : v) overrides_.pluginDirs.emplace_back(d);
           },
           "Another folder to look for plugins in (repeatable)")
        ->type_name("DIR");
    app.add_option("--user", user_, "Sign in as LOGIN (needed once the database has several users)")
        ->type_name("LOGIN");
    app.add_flag("--password-stdin", passwordStdin_,
                 "Read the password of --user from the first line of standard input "
                 "(or set TILLER_PASSWORD)");
    app.add_option("--log-level", logLevel_, "debug, info, warning or error")
        ->type_name("LEVEL")
        ->check([](const std::string& v) {
            return log::parseLevel(v) ? std::string() : "'" + v + "' is not a log level";
        });
}

std::optional<std::string> ProgramOptions::password() const {
    if (passwordStdin_) {
        std::string line;
        if (!std::getline(std::cin, line)) return std::nullopt;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return line;
    }
    if (const char* env = std::getenv("TILLER_PASSWORD"); env && *env) return std::string(env);
    return std::nullopt;
}

config::Settings ProgramOptions::resolveAndStartLogging(log::Level stderrLevel) const {
    auto overrides = overrides_;
    if (!logLevel_.empty()) overrides.logLevel = log::parseLevel(logLevel_);
    auto settings = config::resolve(overrides);
    log::Options options;
    options.fileLevel = settings.logLevel;
    options.stderrLevel = stderrLevel;
    log::init(options);
    return settings;
}

}  // namespace tiller::app
