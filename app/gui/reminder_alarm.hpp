// The main window's alarm clock: every 30 seconds, and once at start, it fires the signed-in
// person's due reminders on a worker thread (a slow database never freezes the window), then,
// back on the UI thread, pops up a notification for what fired and shows the unread count in
// the status bar. A reminder that fell due while Tiller was closed fires at the next start.
#pragma once

#include <tiller/runtime.hpp>

#include <wx/frame.h>
#include <wx/timer.h>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

class wxGenericNotificationMessage;

namespace tiller::gui {

class ReminderAlarm : public wxEvtHandler {
public:
    static constexpr int kIntervalMs = 30'000;

    // `statusField` is the frame's status bar field for the unread count.
    ReminderAlarm(wxFrame& frame, Runtime& runtime, int statusField);
    ~ReminderAlarm() override;

private:
    void check();  // on the UI thread: starts the worker unless one is running

    wxFrame& frame_;
    Runtime& runtime_;
    int statusField_;
    wxTimer timer_;
    std::thread worker_;
    std::atomic<bool> busy_{false};
    long long lastUnread_ = -1;  // touched on the worker only
    plugin::EventBus::Subscription changed_;
    std::vector<std::unique_ptr<wxGenericNotificationMessage>> shown_;
};

}  // namespace tiller::gui
