// Holiday reminders (SPEC §2.13): before each holiday of the working calendar (SPEC §1.5,
// Settings > Working calendar), the account manager of every VIP customer gets a reminder in the
// message box to send greetings, a set number of days ahead (a setting, 3 by default), exactly
// once per customer and holiday: contacts_holiday_reminded keeps one row per customer and
// holiday, taken in the same transaction as the reminder. A holiday of several days (国庆节,
// 1 to 7 October) is one holiday, named by its first day. A daily job runs it; a holiday that
// came into reach while nothing ran is reminded of the next time, until its first day has passed.
#pragma once

#include "once_reminders.hpp"

#include <tiller/clock.hpp>
#include <tiller/plugin/host.hpp>

namespace contacts {

class HolidayReminders {
public:
    HolidayReminders(tiller::plugin::Host& host, const tiller::Clock& clock) : host_(host), clock_(clock) {}

    int leadDays();
    // 0 (on the day) to kMaxLeadDays; needs contacts.configure.
    void setLeadDays(int days);

    // Reminds the owners of VIP customers of every holiday starting from today to `leadDays()`
    // days ahead not reminded of yet. Returns how many reminders it made.
    int run();

private:
    tiller::plugin::Host& host_;
    const tiller::Clock& clock_;
};

}  // namespace contacts
