// The dialer's catalog (tiller-dialer): English in the code, translated for the running
// language, so tiller-cli and the GUI answer alike. Named `tr` so xgettext finds the strings.
#pragma once

#include <initializer_list>
#include <string>

namespace dialer {

std::string tr(const char* english);
// tr(english) with {1}, {2} ... replaced by `values` in order.
std::string tr(const char* english, std::initializer_list<std::string> values);

// "1:05" / "1:02:03" for a duration in ms (call timers, the call log).
std::string clockText(long long ms);

}  // namespace dialer
