// Birthday reminders (SPEC §2.13): a contact's birthday puts a reminder in its owner's message
// box (the contact's owner, else its customer's account manager) a set number of days before
// (a setting, 3 by default), exactly once per birthday: contacts_birthday_reminded keeps one row
// per contact and year, taken in the same transaction as the reminder. A daily job runs it, and
// once at start; a birthday that came into reach while nothing ran is reminded of the next
// time, as long as the day has not passed. 29 February is celebrated on 28 February in other years.
#pragma once

#include "once_reminders.hpp"

#include <tiller/i18n/catalogs.hpp>

namespace contacts {

class BirthdayReminders : public OccasionReminders {
public:
    BirthdayReminders(tiller::plugin::Host& host, const tiller::Clock& clock)
        : OccasionReminders(host, clock, "birthday.lead_days", N_("remind between 0 and %s days before a birthday")) {}

    // Reminds of every birthday from today to `leadDays()` days ahead not reminded of yet this
    // year. Returns how many reminders it made.
    int run();
};

}  // namespace contacts
