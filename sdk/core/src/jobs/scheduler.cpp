#include <tiller/jobs/scheduler.hpp>

#include <tiller/log/log.hpp>

namespace tiller::jobs {

std::vector<JobRun> Scheduler::runDue(plugin::Host& host, const Clock& clock) {
    std::vector<JobRun> runs;
    for (const auto& job : host.registry().scheduledJobs()) {
        long long now = clock.nowMs();
        auto last = lastRun_.find(job.id);
        if (last != lastRun_.end() && now - last->second < job.intervalMinutes * 60'000LL) continue;
        lastRun_[job.id] = now;
        JobRun run{job.id, "", ""};
        try {
            run.summary = job.run(host, clock);
            if (!run.summary.empty()) log::info("job " + job.id + ": " + run.summary);
        } catch (const std::exception& e) {
            run.error = e.what();
            log::warning("job " + job.id + " (plugin " + job.owner + ") failed: " + run.error);
        }
        runs.push_back(std::move(run));
    }
    return runs;
}

}  // namespace tiller::jobs
