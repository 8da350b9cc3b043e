// What birthday and holiday reminders share: a "days before" setting, and a reminder made at
// most once per occasion even with two PCs running the job, because the mark row that says
// "reminded" is taken in the reminder's own transaction.
#pragma once

#include <tiller/messages/reminders.hpp>
#include <tiller/plugin/host.hpp>

#include <string>

namespace contacts {

constexpr int kMaxLeadDays = 60;

// The setting `key` of the contacts plugin: 0 to kMaxLeadDays, `fallback` when unset or unreadable.
int leadDaysSetting(tiller::plugin::Host& host, const char* key, int fallback = 3);
// Needs contacts.configure; ValidationError("lead_days", `outOfRange` filled with the maximum).
void setLeadDaysSetting(tiller::plugin::Host& host, const char* key, int days, const char* outOfRange);

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
