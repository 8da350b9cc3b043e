// Reminders (提醒): "remind this person about this record at this time". A reminder becomes a
// message in the person's box when it is due; fireDue() does that exactly once per reminder,
// even when two programs on one PostgreSQL database run it at the same moment, and a reminder
// that fell due while nothing was running fires the next time fireDue() runs.
#pragma once

#include <tiller/clock.hpp>
#include <tiller/plugin/host.hpp>

#include <optional>
#include <string>
#include <vector>

namespace tiller::messages {

struct Reminder {
    long long id = 0;
    std::string entity;  // "hello.greeting"
    long long recordId = 0;
    long long userId = 0;
    std::string userName;
    long long dueAt = 0;  // UTC epoch milliseconds
    std::string note;
    std::optional<long long> createdBy;
    std::optional<long long> firedAt;
};

struct NewReminder {
    std::string entity;
    long long recordId = 0;
    std::optional<long long> userId;  // the person to remind; the signed-in person when empty
    long long dueAt = 0;
    std::string note;
};

// A reminder fireDue() turned into a message just now.
struct FiredReminder {
    Reminder reminder;
    long long messageId = 0;
};

class Reminders {
public:
    Reminders(plugin::Host& host, const Clock& clock) : host_(host), clock_(clock) {}

    // ValidationError (nothing stored) for an unknown or disabled person, an empty note, no
    // time, or no record; PermissionDenied when the record is outside the signed-in person's
    // data scope.
    long long add(const NewReminder& reminder);
    // add() inside the caller's transaction, for jobs that remind people on the system's behalf
    // (contacts' birthday reminders): no data-scope check, `reminder.userId` is required, and
    // the person must exist and be active (ValidationError otherwise). `createdBy` may be empty.
    static long long addIn(soci::session& session, const NewReminder& reminder, std::optional<long long> createdBy,
                           long long now);
    // Only the person reminded or who set the reminder may cancel it, and only before it fired.
    void cancel(long long reminderId);
    // The signed-in person's reminders, soonest first; fired ones too when asked.
    std::vector<Reminder> mine(bool includeFired = false);

    // Turns every due, unfired reminder (of `onlyFor`, or of everyone) into a message for its
    // person, in one transaction, and returns what fired.
    std::vector<FiredReminder> fireDue(std::optional<long long> onlyFor = std::nullopt);

private:
    plugin::Host& host_;
    const Clock& clock_;
};

}  // namespace tiller::messages
