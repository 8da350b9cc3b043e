#include <tiller/util/time_text.hpp>

#include <cstdio>
#include <ctime>
#include <regex>

namespace tiller::util {
namespace {

std::tm localTm(long long epochMs) {
    std::time_t seconds = static_cast<std::time_t>(epochMs / 1000);
    std::tm tm{};
    localtime_r(&seconds, &tm);
    return tm;
}

bool realDay(int y, int m, int d) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}


}  // namespace

std::string localDateTime(long long epochMs) {
    std::tm tm = localTm(epochMs);
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min);
    return text;
}

std::string localDate(long long epochMs) {
    std::tm tm = localTm(epochMs);
    char text[48];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    return text;
}

std::optional<std::string> parseDate(const std::string& text) {
    std::smatch m;
    if (!std::regex_match(text, m, std::regex(R"(\s*(\d{4})(?:-|/|\.|年)(\d{1,2})(?:-|/|\.|月)(\d{1,2})(?:日)?\s*)")))
        return std::nullopt;
    int y = std::stoi(m[1]), mo = std::stoi(m[2]), d = std::stoi(m[3]);
    if (!realDay(y, mo, d)) return std::nullopt;
    char out[48];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", y, mo, d);
    return out;
}

std::optional<long long> parseLocalDateTime(const std::string& text) {
    std::smatch m;
    static const std::regex full(R"(\s*(\d{4})(?:-|/|\.|年)(\d{1,2})(?:-|/|\.|月)(\d{1,2})(?:日)?(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*)");
    if (!std::regex_match(text, m, full)) return std::nullopt;
    int y = std::stoi(m[1]), mo = std::stoi(m[2]), d = std::stoi(m[3]);
    int h = m[4].matched ? std::stoi(m[4]) : 0, mi = m[5].matched ? std::stoi(m[5]) : 0;
    int s = m[6].matched ? std::stoi(m[6]) : 0;
    if (!realDay(y, mo, d) || h > 23 || mi > 59 || s > 59) return std::nullopt;
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    tm.tm_isdst = -1;
    std::time_t t = std::mktime(&tm);
    return static_cast<long long>(t) * 1000;
}

}  // namespace tiller::util
