// Local calendar dates for the rules that count days, months and years (credit periods, VIP
// years, birthdays). The company's time zone is the working calendar's UTC offset (SPEC §1.5),
// so "this month" is the same on every PC of the office.
#pragma once

#include <tiller/db/database.hpp>

#include <chrono>
#include <string>

namespace contacts {

// The working calendar's UTC offset in minutes (UTC+8 unless the administrator changed it).
int companyUtcOffset(tiller::db::Database& database);

std::chrono::year_month_day localDate(long long utcMs, int utcOffsetMinutes);
// The instant (UTC ms) the local day `date` starts.
long long localMidnight(std::chrono::year_month_day date, int utcOffsetMinutes);
// "2026-03-08"
std::string isoDate(std::chrono::year_month_day date);

}  // namespace contacts
