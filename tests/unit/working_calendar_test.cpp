#include <tiller/calendar/working_calendar.hpp>
#include <tiller/errors.hpp>

#include <catch2/catch.hpp>

using namespace tiller::calendar;

namespace {
// A local (UTC+8) time as UTC milliseconds.
long long at(const std::string& date, int hour, int minute = 0) {
    return ((dayFromDate(date) * 1440 + hour * 60 + minute) - 8 * 60) * 60'000LL;
}
std::string show(long long utcMs) {
    long long local = utcMs / 60'000 + 8 * 60;
    long long day = local / 1440;
    char text[32];
    std::snprintf(text, sizeof text, "%s %02lld:%02lld", dateFromDay(day).c_str(), (local % 1440) / 60, local % 60);
    return text;
}
}  // namespace

TEST_CASE("dates convert both ways and nonsense is refused", "[calendar]") {
    CHECK(dateFromDay(dayFromDate("2026-11-30")) == "2026-11-30");
    CHECK(dayFromDate("1970-01-01") == 0);
    CHECK(dateFromDay(dayFromDate("2024-02-29")) == "2024-02-29");
    CHECK_THROWS_WITH(dayFromDate("2026-02-30"), Catch::Contains("not a day of the calendar"));
    CHECK_THROWS_WITH(dayFromDate("30/11/2026"), Catch::Contains("not a date like"));
}

TEST_CASE("working hours parse, print, and refuse what makes no sense", "[calendar]") {
    CHECK(formatHours(parseHours("9:00-12:00,13:00-18:00")) == "09:00-12:00,13:00-18:00");
    CHECK(parseHours("off").empty());
    CHECK_THROWS_WITH(parseHours("18:00-09:00"), Catch::Contains("start before it ends"));
    CHECK_THROWS_WITH(parseHours("09:00-12:00,11:00-13:00"), Catch::Contains("overlaps"));
    CHECK_THROWS_WITH(parseHours("nine to five"), Catch::Contains("not a range"));
}

TEST_CASE("the standard calendar knows when the office is open", "[calendar]") {
    auto c = WorkingCalendar::standard();
    CHECK(c.isWorkingTime(at("2026-11-30", 10)));       // Monday morning
    CHECK_FALSE(c.isWorkingTime(at("2026-11-30", 12, 30)));  // lunch
    CHECK_FALSE(c.isWorkingTime(at("2026-11-30", 18)));      // closing time
    CHECK_FALSE(c.isWorkingTime(at("2026-11-28", 10)));      // Saturday
}

TEST_CASE("adding working hours skips nights, breaks, weekends and holidays", "[calendar]") {
    auto c = WorkingCalendar::standard();
    CHECK(show(c.addWorkingMinutes(at("2026-11-30", 11, 30), 60)) == "2026-11-30 13:30");  // over lunch
    CHECK(show(c.addWorkingMinutes(at("2026-11-30", 7), 30)) == "2026-11-30 09:30");       // before opening
    CHECK(show(c.addWorkingMinutes(at("2026-11-27", 17), 120)) == "2026-11-30 10:00");     // Friday to Monday
    CHECK(show(c.addWorkingMinutes(at("2026-11-30", 20), 0)) == "2026-12-01 09:00");       // due at the next opening
    c.holidays.insert("2026-10-01");  // 国庆节, a Thursday
    CHECK(show(c.addWorkingMinutes(at("2026-09-30", 17, 30), 60)) == "2026-10-02 09:30");
    c.workedWeekendDays.insert("2026-10-10");  // 调休: a Saturday worked
    CHECK(show(c.addWorkingMinutes(at("2026-10-09", 17, 30), 60)) == "2026-10-10 09:30");
    CHECK(c.workingMinutesBetween(at("2026-11-30", 8), at("2026-11-30", 20)) == 480);
    CHECK(c.workingMinutesBetween(at("2026-11-27", 17), at("2026-11-30", 10)) == 120);
}

TEST_CASE("a calendar without working time says so instead of looping", "[calendar]") {
    WorkingCalendar never;
    CHECK_THROWS_WITH(never.addWorkingMinutes(at("2026-11-30", 9), 1), Catch::Contains("no working time"));
}
