#include "birthday_reminders.hpp"
#include "local_dates.hpp"
#include "once_reminders.hpp"
#include "value_text.hpp"

#include <tiller/db/row.hpp>

#include <map>

namespace contacts {
namespace {

using namespace std::chrono;
using value_text::fill;
using value_text::tr;

std::string monthDay(year_month_day date) { return isoDate(date).substr(5); }  // "03-08"

}  // namespace

int BirthdayReminders::run() {
    long long now = clock_.nowMs();
    int offset = companyUtcOffset(host_.database());
    auto today = localDate(now, offset);
    // Each "MM-DD" in reach, with the date it falls on this time round.
    std::map<std::string, year_month_day> inReach;
    for (int d = 0; d <= leadDays(); ++d) {
        year_month_day date{sys_days(today) + days(d)};
        inReach.emplace(monthDay(date), date);
        if (date.month() == February && date.day() == day(28) && !date.year().is_leap()) inReach.emplace("02-29", date);
    }
    std::string in;
    for (const auto& [md, date] : inReach) in += (in.empty() ? "'" : ",'") + md + "'";  // digits and a dash only

    struct Birthday {
        long long contactId = 0;
        std::optional<long long> owner;
        std::string name, customer, birthday;
    };
    auto due = host_.database().withSession([&](soci::session& s) {
        std::vector<Birthday> out;
        soci::rowset<soci::row> rows =
            (s.prepare << "SELECT c.id, COALESCE(c.owner_id, cu.owner_id), c.name, cu.name, c.birthday "
                          "FROM contacts_contact c JOIN contacts_customer cu ON cu.id = c.customer_id "
                          "WHERE c.birthday IS NOT NULL AND substr(c.birthday, 6, 5) IN (" + in + ") ORDER BY c.id");
        for (const auto& r : rows)
            out.push_back({tiller::db::integerAt(r, 0), tiller::db::optionalIntegerAt(r, 1), tiller::db::textAt(r, 2),
                           tiller::db::textAt(r, 3), tiller::db::textAt(r, 4)});
        return out;
    });
    int made = 0;
    for (const auto& b : due) {
        if (!b.owner) continue;  // nobody to remind (a customer in the public pool): tried again tomorrow
        const auto& date = inReach.at(b.birthday.substr(5, 5));
        OnceReminder once;
        once.markSql = "INSERT INTO contacts_birthday_reminded (contact_id, birthday_year) VALUES (:k, CAST(:v AS INTEGER)) "
                       "ON CONFLICT (contact_id, birthday_year) DO NOTHING";
        once.linkSql = "UPDATE contacts_birthday_reminded SET reminder_id = :r WHERE contact_id = :k "
                       "AND birthday_year = CAST(:v AS INTEGER)";
        once.key = b.contactId;
        once.value = std::to_string(static_cast<int>(date.year()));
        once.reminder = {"contacts.contact", b.contactId, b.owner, now,
                         fill(tr("Birthday of %s (%s) on %s"), {b.name, b.customer, isoDate(date)})};
        made += remindOnce(host_.database(), once, now);
    }
    return made;
}

}  // namespace contacts
