// What birthday and holiday reminders share: a "days before" setting, and a reminder made at
// most once per occasion even with two PCs running the job, because the mark row that says
// "reminded" is taken in the reminder's own transaction.
#pragma once

#include <tiller/clock.hpp>
#include <tiller/messages/reminders.hpp>
#include <tiller/plugin/host.hpp>

#include <string>

namespace contacts {

constexpr int kMaxLeadDays = 60;

// The setting `key` of the contacts plugin: 0 to kMaxLeadDays, `fallback` when unset or unreadable.
int leadDaysSetting(tiller::plugin::Host& host, const char* key, int fallback = 3);
// Needs contacts.configure; ValidationError("lead_days", `outOfRange` filled with the maximum).
void setLeadDaysSetting(tiller::plugin::Host& host, const char* key, int days, const char* outOfRange);

// Reminders of one kind of occasion (birthdays, holidays) with their "days before" setting.
class OccasionReminders {
public:
    // `leadKey`: the setting; `outOfRange`: the message (with %s for the maximum) for a value
    // outside 0 to kMaxLeadDays.
    OccasionReminders(tiller::plugin::Host& host, const tiller::Clock& clock, const char* leadKey, const char* outOfRange)
        : host_(host), clock_(clock), leadKey_(leadKey), outOfRange_(outOfRange) {}

    int leadDays() { return leadDaysSetting(host_, leadKey_); }
    // 0 (on the day) to kMaxLeadDays; needs contacts.configure.
    void setLeadDays(int days) { setLeadDaysSetting(host_, leadKey_, days, outOfRange_); }

protected:
    tiller::plugin::Host& host_;
    const tiller::Clock& clock_;

private:
    const char* leadKey_;
    const char* outOfRange_;
};

struct OnceReminder {
    // INSERT INTO <marks> (..., ...) VALUES (:k, :v) ON CONFLICT (...) DO NOTHING
    std::string markSql;
    // UPDATE <marks> SET reminder_id = :r WHERE ... = :k AND ... = :v
    std::string linkSql;
    long long key = 0;
    std::string value;  // cast in the SQL where its column is not text
    tiller::messages::NewReminder reminder;
};

// True when the reminder was made; false when this occasion was reminded already or the person
// cannot be reminded (a disabled owner: logged, nothing marked, so a new owner is in time).
bool remindOnce(tiller::db::Database& database, const OnceReminder& once, long long now);

}  // namespace contacts
