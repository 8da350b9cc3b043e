#include "holiday_reminders.hpp"
#include "local_dates.hpp"
#include "value_text.hpp"

#include <tiller/calendar/working_calendar.hpp>
#include <tiller/db/row.hpp>

namespace contacts {
namespace {

using value_text::fill;
using value_text::tr;

}  // namespace

int HolidayReminders::run() {
    namespace calendar = tiller::calendar;
    long long now = clock_.nowMs();
    auto workingCalendar = calendar::load(host_.database());
    long long today = calendar::dayFromDate(isoDate(localDate(now, workingCalendar.utcOffsetMinutes)));
    // The first days of the holidays that start within reach (a holiday already under way was
    // reminded of before it began, or is too late to greet for).
    std::vector<std::string> starts;
    for (long long day = today; day <= today + leadDays(); ++day) {
        auto date = calendar::dateFromDay(day);
        if (workingCalendar.holidays.count(date) && !workingCalendar.holidays.count(calendar::dateFromDay(day - 1)))
            starts.push_back(date);
    }
    if (starts.empty()) return 0;

    struct Vip {
        long long customerId = 0;
        std::optional<long long> owner;
        std::string name, tier;
    };
    auto vips = host_.database().withSession([&](soci::session& s) {
        std::vector<Vip> out;
        soci::rowset<soci::row> rows = (s.prepare << "SELECT cu.id, cu.owner_id, cu.name, t.name FROM contacts_customer_vip v "
                                                     "JOIN contacts_vip_tier t ON t.id = v.tier_id "
                                                     "JOIN contacts_customer cu ON cu.id = v.customer_id ORDER BY cu.id");
        for (const auto& r : rows)
            out.push_back({tiller::db::integerAt(r, 0), tiller::db::optionalIntegerAt(r, 1), tiller::db::textAt(r, 2),
                           tiller::db::textAt(r, 3)});
        return out;
    });
    int made = 0;
    for (const auto& start : starts)
        for (const auto& vip : vips) {
            if (!vip.owner) continue;  // in the public pool: nobody to remind, tried again tomorrow
            OnceReminder once;
            once.markSql = "INSERT INTO contacts_holiday_reminded (customer_id, holiday_date) VALUES (:k, :v) "
                           "ON CONFLICT (customer_id, holiday_date) DO NOTHING";
            once.linkSql = "UPDATE contacts_holiday_reminded SET reminder_id = :r WHERE customer_id = :k AND holiday_date = :v";
            once.key = vip.customerId;
            once.value = start;
            once.reminder = {"contacts.customer", vip.customerId, vip.owner, now,
                             fill(tr("Holiday greetings for %s (VIP %s): the holiday starts on %s"), {vip.name, vip.tier, start})};
            made += remindOnce(host_.database(), once, now);
        }
    return made;
}

}  // namespace contacts
