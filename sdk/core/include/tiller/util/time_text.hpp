// Times as people type and read them, in the computer's time zone: "2026-11-29 14:30".
// Stored times are UTC epoch milliseconds (decision 0001); calendar days are "YYYY-MM-DD".
#pragma once

#include <optional>
#include <string>

namespace tiller::util {

std::string localDateTime(long long epochMs);  // "2026-11-29 14:30"
std::string localDate(long long epochMs);      // "2026-11-29"
// Accepts "2026-11-29", "2026/11/29", "2026.11.29" and "2026年11月29日"; nullopt when it is not
// a real day. Returns the canonical "YYYY-MM-DD".
std::optional<std::string> parseDate(const std::string& text);
// A date as above followed by "HH:MM" or "HH:MM:SS" (or a date alone: midnight), local time.
std::optional<long long> parseLocalDateTime(const std::string& text);

}  // namespace tiller::util
