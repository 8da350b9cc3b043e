// Holiday reminders (SPEC §2.13): before each holiday of the working calendar (SPEC §1.5,
// Settings > Working calendar), the account manager of every VIP customer gets a reminder in the
// message box to send greetings, a set number of days ahead (a setting, 3 by default), exactly
// once per customer and holiday: contacts_holiday_reminded keeps one row per customer and
// holiday, taken in the same transaction as the reminder. A holiday of several days (国庆节,
// 1 to 7 October) is one holiday, named by its first day. A daily job runs it; a holiday that
// came into reach while nothing ran is reminded of the next time, until its first day has passed.
#pragma once

#include "once_reminders.hpp"

#include <tiller/i18n/catalogs.hpp>

namespace contacts {

class HolidayReminders : public OccasionReminders {
public:
    HolidayReminders(tiller::plugin::Host& host, const tiller::Clock& clock)
        : OccasionReminders(host, clock, "holiday.lead_days", N_("remind between 0 and %s days before a holiday")) {}

    // Reminds the owners of VIP customers of every holiday starting from today to `leadDays()`
    // days ahead not reminded of yet. Returns how many reminders it made.
    int run();
};

}  // namespace contacts
