#include "scheduled_work.hpp"

#include <tiller/ui/text.hpp>

namespace tiller::gui {

ScheduledWork::ScheduledWork(wxFrame& frame, Runtime& runtime) : frame_(frame), runtime_(runtime), timer_(this) {
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        tick();
        if (!timer_.IsRunning() || timer_.GetInterval() != kTickMs) timer_.Start(kTickMs);
    });
    if (!runtime_.registry().scheduledJobs().empty()) timer_.StartOnce(kFirstRunMs);
}

ScheduledWork::~ScheduledWork() {
    timer_.Stop();
    if (worker_.joinable()) worker_.join();  // it uses the database, which goes away after us
}

void ScheduledWork::tick() {
    if (busy_.exchange(true)) return;
    if (worker_.joinable()) worker_.join();  // finished: busy_ was false
    worker_ = std::thread([this] {
        std::string said;
        for (const auto& run : scheduler_.runDue(runtime_.host(), runtime_.clock()))
            if (!run.summary.empty()) said += (said.empty() ? "" : "; ") + run.summary;
        if (!said.empty()) frame_.CallAfter([this, said] { frame_.SetStatusText(ui::text(said), 0); });
        busy_ = false;
    });
}

}  // namespace tiller::gui
