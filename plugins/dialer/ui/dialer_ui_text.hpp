// The dialer's catalog as wxString for its widgets. Named `tr` so xgettext finds the strings.
#pragma once

#include "core/dialer_text.hpp"

#include <tiller/ui/text.hpp>

namespace dialer::ui {

inline wxString tr(const char* english) { return tiller::ui::text(dialer::tr(english)); }
inline wxString tr(const char* english, std::initializer_list<std::string> values) {
    return tiller::ui::text(dialer::tr(english, values));
}
inline wxString text(const std::string& utf8) { return tiller::ui::text(utf8); }

// "Answered", "Missed" ... as the call log shows a result.
wxString resultText(tiller::telephony::CallResult result);

}  // namespace dialer::ui
