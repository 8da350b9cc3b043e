#include "cli_runner.hpp"

#include <unistd.h>

namespace tiller::test {

Cli::Cli(const TempDir& home)
    : environment_{{"XDG_CONFIG_HOME", (home / "config").string()},
                   {"XDG_DATA_HOME", (home / "data").string()},
                   {"XDG_STATE_HOME", (home / "state").string()},
                   {"TILLER_DB", ""}} {}

CliRun Cli::run(const std::vector<std::string>& args,
                const std::map<std::string, std::string>& environment, const std::string& input) const {
    std::vector<std::string> argv{TILLER_CLI_PATH};
    argv.insert(argv.end(), args.begin(), args.end());
    auto env = environment_;
    for (const auto& [k, v] : environment) env[k] = v;
    auto r = util::runProcess(argv, env, input);
    return {r.exitCode, r.out, r.err};
}

CliRun Cli::runWithoutPrivileges(const std::vector<std::string>& args) const {
    std::vector<std::string> argv;
    if (::geteuid() == 0)
        argv = {"setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner", "--"};
    argv.push_back(TILLER_CLI_PATH);
    argv.insert(argv.end(), args.begin(), args.end());
    auto r = util::runProcess(argv, environment_);
    return {r.exitCode, r.out, r.err};
}

}  // namespace tiller::test
