// Runs the real tiller-cli (built beside the tests) with its own config, data and log folders.
#pragma once

#include "temp_dir.hpp"

#include <nlohmann/json.hpp>
#include <tiller/util/process.hpp>

#include <map>
#include <string>
#include <vector>

namespace tiller::test {

struct CliRun {
    int exitCode;
    std::string out;
    std::string err;
    nlohmann::json json() const { return nlohmann::json::parse(out); }
};

class Cli {
public:
    // XDG folders point into `home`, so nothing of the developer's own Tiller is touched.
    explicit Cli(const TempDir& home);
    CliRun run(const std::vector<std::string>& args,
               const std::map<std::string, std::string>& environment = {},
               const std::string& input = {}) const;
    // Runs it as root without the right to override file permissions, or as this user.
    CliRun runWithoutPrivileges(const std::vector<std::string>& args) const;

private:
    std::map<std::string, std::string> environment_;
};

}  // namespace tiller::test
