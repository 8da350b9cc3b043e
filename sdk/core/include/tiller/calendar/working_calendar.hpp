// The working calendar (SPEC §1.5, 工作日/节假日设置): working hours and breaks per weekday,
// holidays, and weekend days worked instead (调休). SLA timers count working time with it, and
// the phone system asks it whether the office is open.
#pragma once

#include <tiller/db/database.hpp>

#include <array>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace tiller::calendar {

// Minutes after local midnight, [start, end).
struct Interval {
    int start = 0;
    int end = 0;
    friend bool operator==(const Interval&, const Interval&) = default;
};

struct WorkingCalendar {
    int utcOffsetMinutes = 8 * 60;  // the company's local time (China: +08:00)
    std::array<std::vector<Interval>, 7> week;  // Monday first; empty = a day off
    std::set<std::string> holidays;             // local dates "2026-10-01"
    std::set<std::string> workedWeekendDays;    // 调休: worked with Monday's hours

    // Monday to Friday 09:00–12:00 and 13:00–18:00, UTC+8, no holidays.
    static WorkingCalendar standard();

    bool isWorkingTime(long long utcMs) const;
    // The instant `minutes` of working time after `startUtcMs` (e.g. an SLA deadline).
    long long addWorkingMinutes(long long startUtcMs, long long minutes) const;
    // Working minutes in [fromUtcMs, toUtcMs).
    long long workingMinutesBetween(long long fromUtcMs, long long toUtcMs) const;

    // The intervals of one local day (days since 1970-01-01 in local time).
    const std::vector<Interval>& hoursOf(long long localDay) const;
};

// "2026-10-01" <-> days since 1970-01-01; throws ValidationError for a malformed date.
long long dayFromDate(const std::string& date);
std::string dateFromDay(long long day);
// "09:00-12:00,13:00-18:00" (or "" / "off"); throws ValidationError naming the fault.
std::vector<Interval> parseHours(const std::string& text);
std::string formatHours(const std::vector<Interval>& hours);
// "mon" ... "sun" -> 0 ... 6
std::optional<int> parseWeekday(const std::string& text);

// Kept in the company database (core settings, key "working_calendar").
WorkingCalendar load(db::Database& database);
void save(db::Database& database, const WorkingCalendar& calendar);

}  // namespace tiller::calendar
