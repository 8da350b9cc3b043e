// Published when the signed-in person's message box changed: reminders fired, something was
// read, an announcement appeared. The status bar's unread count and an open message box
// refresh themselves from it.
#pragma once

#include <tiller/messages/reminders.hpp>

#include <vector>

namespace tiller::messages {

struct MessageBoxChanged {
    static constexpr const char* kEventId = "tiller.MessageBoxChanged";
    std::vector<FiredReminder> fired;  // just now, for the signed-in person
    long long unread = 0;              // messages and current announcements not read yet
};

}  // namespace tiller::messages
