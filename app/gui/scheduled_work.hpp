// The shell's runner for the plugins' ScheduledJobs (automatic recall to the public pool ...):
// a minute after start, then once a minute, jobs::Scheduler runs whatever is due on a worker
// thread, so a slow database never freezes the window. What a job did shows in the status bar.
#pragma once

#include <tiller/jobs/scheduler.hpp>
#include <tiller/runtime.hpp>

#include <wx/frame.h>
#include <wx/timer.h>

#include <atomic>
#include <thread>

namespace tiller::gui {

class ScheduledWork : public wxEvtHandler {
public:
    static constexpr int kTickMs = 60'000;
    // The first run waits a little: start-up and the first paint come first.
    static constexpr int kFirstRunMs = 5'000;

    ScheduledWork(wxFrame& frame, Runtime& runtime);
    ~ScheduledWork() override;

private:
    void tick();  // on the UI thread: starts the worker unless one is running

    wxFrame& frame_;
    Runtime& runtime_;
    wxTimer timer_;
    std::thread worker_;
    std::atomic<bool> busy_{false};
    jobs::Scheduler scheduler_;  // touched on the worker only
};

}  // namespace tiller::gui
