#include "local_dates.hpp"

#include <tiller/calendar/working_calendar.hpp>

#include <cstdio>

namespace contacts {

using namespace std::chrono;

int companyUtcOffset(tiller::db::Database& database) { return tiller::calendar::load(database).utcOffsetMinutes; }

year_month_day localDate(long long utcMs, int utcOffsetMinutes) {
    long long localMs = utcMs + utcOffsetMinutes * 60'000LL;
    return year_month_day{floor<days>(sys_time<milliseconds>(milliseconds(localMs)))};
}

long long localMidnight(year_month_day date, int utcOffsetMinutes) {
    long long dayMs = duration_cast<milliseconds>(sys_days(date).time_since_epoch()).count();
    return dayMs - utcOffsetMinutes * 60'000LL;
}

std::string isoDate(year_month_day date) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                  static_cast<unsigned>(date.day()));
    return text;
}
}  // namespace contacts
