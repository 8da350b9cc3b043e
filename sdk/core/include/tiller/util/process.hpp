// Runs another program (pg_dump, pg_restore) without a shell and collects what it printed.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace tiller::util {

struct ProcessResult {
    int exitCode = -1;  // -1 when it could not be started or was killed by a signal
    std::string out;
    std::string err;
};

// `argv[0]` is looked up on PATH. `environment` is added to (and overrides) the current one.
// `input` is written to the program's standard input (which is empty otherwise).
ProcessResult runProcess(const std::vector<std::string>& argv,
                         const std::map<std::string, std::string>& environment = {},
                         const std::string& input = {});

}  // namespace tiller::util
