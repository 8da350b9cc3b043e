#include <tiller/calendar/working_calendar.hpp>
#include <tiller/errors.hpp>
#include <tiller/settings_store.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <regex>

namespace tiller::calendar {
namespace {

constexpr long long kMinuteMs = 60'000;
constexpr long long kDayMinutes = 24 * 60;
const char* kDayNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

long long floorDiv(long long a, long long b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Days since 1970-01-01 <-> civil date (H. Hinnant's algorithm).
long long daysFromCivil(long long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long long era = floorDiv(y, 400);
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

void civilFromDays(long long z, long long& y, unsigned& m, unsigned& d) {
    z += 719468;
    const long long era = floorDiv(z, 146097);
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<long long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
}

int weekdayOf(long long day) { return static_cast<int>(((day % 7) + 7 + 3) % 7); }  // 1970-01-01 was a Thursday

}  // namespace

WorkingCalendar WorkingCalendar::standard() {
    WorkingCalendar c;
    for (int d = 0; d < 5; ++d) c.week[d] = {{9 * 60, 12 * 60}, {13 * 60, 18 * 60}};
    return c;
}

const std::vector<Interval>& WorkingCalendar::hoursOf(long long localDay) const {
    static const std::vector<Interval> none;
    std::string date = dateFromDay(localDay);
    if (holidays.count(date)) return none;
    if (workedWeekendDays.count(date)) return week[0];
    return week[static_cast<std::size_t>(weekdayOf(localDay))];
}

bool WorkingCalendar::isWorkingTime(long long utcMs) const {
    long long local = floorDiv(utcMs, kMinuteMs) + utcOffsetMinutes;
    long long day = floorDiv(local, kDayMinutes);
    int minute = static_cast<int>(local - day * kDayMinutes);
    return std::any_of(hoursOf(day).begin(), hoursOf(day).end(),
                       [&](const Interval& i) { return minute >= i.start && minute < i.end; });
}

long long WorkingCalendar::addWorkingMinutes(long long startUtcMs, long long minutes) const {
    if (minutes < 0) throw ValidationError("minutes", "must not be negative");
    long long local = floorDiv(startUtcMs, kMinuteMs) + utcOffsetMinutes;
    long long day = floorDiv(local, kDayMinutes);
    long long minute = local - day * kDayMinutes;
    long long left = minutes;
    // A calendar without any working time would never end: ten years is the limit.
    for (int guard = 0; guard < 3660; ++guard, ++day, minute = 0) {
        for (const auto& i : hoursOf(day)) {
            long long from = std::max<long long>(minute, i.start);
            if (from >= i.end) continue;
            long long available = i.end - from;
            if (left <= available) {
                long long resultLocal = day * kDayMinutes + from + left;
                return (resultLocal - utcOffsetMinutes) * kMinuteMs;
            }
            left -= available;
        }
    }
    throw ValidationError("working calendar", "has no working time in the next ten years");
}

long long WorkingCalendar::workingMinutesBetween(long long fromUtcMs, long long toUtcMs) const {
    if (toUtcMs <= fromUtcMs) return 0;
    long long from = floorDiv(fromUtcMs, kMinuteMs) + utcOffsetMinutes;
    long long to = floorDiv(toUtcMs, kMinuteMs) + utcOffsetMinutes;
    long long total = 0;
    for (long long day = floorDiv(from, kDayMinutes); day <= floorDiv(to, kDayMinutes); ++day)
        for (const auto& i : hoursOf(day)) {
            long long start = std::max(from, day * kDayMinutes + i.start);
            long long end = std::min(to, day * kDayMinutes + i.end);
            if (end > start) total += end - start;
        }
    return total;
}

long long dayFromDate(const std::string& date) {
    static const std::regex form(R"((\d{4})-(\d{2})-(\d{2}))");
    std::smatch m;
    if (!std::regex_match(date, m, form)) throw ValidationError("date", "'" + date + "' is not a date like 2026-10-01");
    long long y = std::stoll(m[1]);
    unsigned mo = static_cast<unsigned>(std::stoi(m[2])), d = static_cast<unsigned>(std::stoi(m[3]));
    long long day = daysFromCivil(y, mo, d);
    if (mo < 1 || mo > 12 || d < 1 || dateFromDay(day) != date)
        throw ValidationError("date", "'" + date + "' is not a day of the calendar");
    return day;
}

std::string dateFromDay(long long day) {
    long long y;
    unsigned m, d;
    civilFromDays(day, y, m, d);
    char text[48];
    std::snprintf(text, sizeof text, "%04lld-%02u-%02u", y, m, d);
    return text;
}

std::vector<Interval> parseHours(const std::string& text) {
    std::vector<Interval> hours;
    if (text.empty() || text == "off") return hours;
    static const std::regex range(R"((\d{1,2}):(\d{2})-(\d{1,2}):(\d{2}))");
    std::size_t start = 0;
    while (start <= text.size()) {
        auto comma = text.find(',', start);
        std::string part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        std::smatch m;
        if (!std::regex_match(part, m, range))
            throw ValidationError("hours", "'" + part + "' is not a range like 09:00-12:00");
        int from = std::stoi(m[1]) * 60 + std::stoi(m[2]), to = std::stoi(m[3]) * 60 + std::stoi(m[4]);
        if (std::stoi(m[2]) > 59 || std::stoi(m[4]) > 59 || to > kDayMinutes || from >= to)
            throw ValidationError("hours", "'" + part + "' must start before it ends, within one day");
        if (!hours.empty() && from < hours.back().end)
            throw ValidationError("hours", "'" + part + "' overlaps or comes before the range before it");
        hours.push_back({from, to});
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return hours;
}

std::string formatHours(const std::vector<Interval>& hours) {
    if (hours.empty()) return "off";
    std::string out;
    for (const auto& i : hours) {
        char text[48];
        std::snprintf(text, sizeof text, "%02d:%02d-%02d:%02d", i.start / 60, i.start % 60, i.end / 60, i.end % 60);
        out += (out.empty() ? "" : ",") + std::string(text);
    }
    return out;
}

std::optional<int> parseWeekday(const std::string& text) {
    for (int d = 0; d < 7; ++d)
        if (text == kDayNames[d]) return d;
    return std::nullopt;
}

WorkingCalendar load(db::Database& database) {
    auto stored = SettingsStore(database, "core").get("working_calendar");
    if (!stored) return WorkingCalendar::standard();
    try {
        auto json = nlohmann::json::parse(*stored);
        WorkingCalendar c;
        c.utcOffsetMinutes = json.value("utc_offset_minutes", 480);
        for (int d = 0; d < 7; ++d) c.week[d] = parseHours(json["week"].value(kDayNames[d], "off"));
        for (const auto& h : json["holidays"]) c.holidays.insert(h.get<std::string>());
        for (const auto& w : json["worked_weekend_days"]) c.workedWeekendDays.insert(w.get<std::string>());
        return c;
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("the working calendar stored in the database is damaged (") + e.what() +
                    "); set it again with tiller-cli calendar");
    }
}

void save(db::Database& database, const WorkingCalendar& c) {
    if (c.utcOffsetMinutes < -12 * 60 || c.utcOffsetMinutes > 14 * 60)
        throw ValidationError("UTC offset", "must be between -12:00 and +14:00");
    nlohmann::json week = nlohmann::json::object();
    for (int d = 0; d < 7; ++d) week[kDayNames[d]] = formatHours(c.week[d]);
    nlohmann::json json{{"utc_offset_minutes", c.utcOffsetMinutes},
                        {"week", week},
                        {"holidays", c.holidays},
                        {"worked_weekend_days", c.workedWeekendDays}};
    SettingsStore(database, "core").set("working_calendar", json.dump());
}

}  // namespace tiller::calendar
