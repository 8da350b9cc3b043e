// Runs the plugins' ScheduledJobs (contributions.hpp) when they are due: every job once at the
// first call, then again when its interval has passed. The GUI calls runDue() from a worker
// thread every minute; tests call it with a clock they move. A failing job is reported and
// tried again at its next turn; it never stops the others.
#pragma once

#include <tiller/clock.hpp>
#include <tiller/plugin/host.hpp>

#include <map>
#include <string>
#include <vector>

namespace tiller::jobs {

struct JobRun {
    std::string jobId;
    std::string summary;  // what the job said it did ("" = nothing to do)
    std::string error;    // why it failed ("" = it did not)
};

class Scheduler {
public:
    // Jobs that ran (or failed) in this call.
    std::vector<JobRun> runDue(plugin::Host& host, const Clock& clock);

private:
    std::map<std::string, long long> lastRun_;  // job id -> when it last started
};

}  // namespace tiller::jobs
