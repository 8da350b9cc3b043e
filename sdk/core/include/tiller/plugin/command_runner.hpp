// The one place commands run: it checks the permission, and catches whatever a plugin's
// handler throws so that a broken plugin costs a message, never the application.
#pragma once

#include <tiller/plugin/host.hpp>

#include <string>

namespace tiller::plugin {

struct CommandOutcome {
    enum class Result { done, refused, failed, unknown } result = Result::done;
    std::string message;  // for refused / failed / unknown: a sentence naming command and plugin
};

CommandOutcome runCommand(Host& host, const std::string& commandId);

}  // namespace tiller::plugin
