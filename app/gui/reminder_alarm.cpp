#include "reminder_alarm.hpp"
#include "message_box_panel.hpp"

#include <tiller/log/log.hpp>
#include <tiller/messages/events.hpp>
#include <tiller/ui/tr.hpp>

#include <wx/notifmsg.h>  // declares the base the generic pop-up needs
#include <wx/generic/notifmsg.h>

namespace tiller::gui {

ReminderAlarm::ReminderAlarm(wxFrame& frame, Runtime& runtime, int statusField)
    : frame_(frame), runtime_(runtime), statusField_(statusField), timer_(this) {
    changed_ = runtime_.host().events().subscribe<messages::MessageBoxChanged>([this](const messages::MessageBoxChanged& e) {
        frame_.SetStatusText(wxString::Format(ui::tr("Unread messages: %lld"), e.unread), statusField_);
        if (e.fired.empty()) return;
        for (const auto& f : e.fired)
            runtime_.host().notify(ui::utf8(wxString::Format(ui::tr("Reminder: %s"), ui::text(f.reminder.note))));
        // One pop-up per check, however many fired: a person back from lunch gets one, not ten.
        wxString text;
        for (size_t i = 0; i < e.fired.size() && i < 5; ++i) text += (i ? "\n" : "") + ui::text(e.fired[i].reminder.note);
        if (e.fired.size() > 5) text += "\n" + wxString::Format(ui::tr("and %d more"), static_cast<int>(e.fired.size() - 5));
        wxString title = e.fired.size() == 1 ? ui::tr("Reminder")
                                             : wxString::Format(ui::tr("%d reminders"), static_cast<int>(e.fired.size()));
        // wx's own pop-up rather than the desktop's: it needs no notification service, looks
        // the same everywhere, and closes with the window.
        auto popup = std::make_unique<wxGenericNotificationMessage>(title, text, &frame_);
        popup->Show(wxNotificationMessage::Timeout_Never);
        if (shown_.size() >= 3) shown_.erase(shown_.begin());
        shown_.push_back(std::move(popup));
    });
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { check(); });
    timer_.Start(kIntervalMs);
    check();
}

ReminderAlarm::~ReminderAlarm() {
    timer_.Stop();
    if (worker_.joinable()) worker_.join();  // it uses the database, which goes away after us
    // An open pop-up is a top-level window: left open, it would keep Tiller running.
    for (auto& popup : shown_) popup->Close();
}

void ReminderAlarm::check() {
    if (busy_.exchange(true)) return;
    if (worker_.joinable()) worker_.join();  // finished: busy_ was false
    worker_ = std::thread([this] {
        try {
            auto& host = runtime_.host();
            auto fired = messages::Reminders(host, runtime_.clock()).fireDue(host.actingUser());
            long long unread = unreadTotal(runtime_);
            // Handlers run on the UI thread (the event bus posts there).
            if (!fired.empty() || unread != lastUnread_)
                host.events().publish(messages::MessageBoxChanged{std::move(fired), unread});
            lastUnread_ = unread;
        } catch (const std::exception& e) {
            log::warning(std::string("reminders: ") + e.what());
        }
        busy_ = false;
    });
}

}  // namespace tiller::gui
