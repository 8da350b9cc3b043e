// The options every Tiller program takes (--db, --config, --lang, --plugins-dir,
// --log-level), bound to config::Overrides the same way in the GUI and the CLI.
#pragma once

#include <tiller/config/settings.hpp>

#include <CLI/CLI.hpp>

namespace tiller::app {

class ProgramOptions {
public:
    void addTo(CLI::App& app);
    // Resolves flags, environment and tiller.yaml, then starts logging at the chosen level.
    config::Settings resolveAndStartLogging(log::Level stderrLevel) const;

    // --user LOGIN, and where the password comes from: the first line of standard input with
    // --password-stdin, else the TILLER_PASSWORD environment variable.
    const std::string& user() const { return user_; }
    bool passwordFromStdin() const { return passwordStdin_; }
    // Reads the password as described above; nullopt when none was given.
    std::optional<std::string> password() const;

private:
    config::Overrides overrides_;
    std::string logLevel_;
    std::string user_;
    bool passwordStdin_ = false;
};

}  // namespace tiller::app
