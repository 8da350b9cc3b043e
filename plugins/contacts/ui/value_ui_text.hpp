// The contacts catalog as wxString for the customer-value screens. Named `tr` so xgettext
// finds the strings; Chinese arrives as UTF-8 and goes through wxString::FromUTF8.
#pragma once

#include <tiller/i18n/catalogs.hpp>
#include <tiller/ui/text.hpp>

namespace contacts::value_ui {

inline wxString tr(const char* english) { return tiller::ui::text(tiller::i18n::tr(english, "tiller-contacts")); }
// A status ("potential") as people read it (潜在).
inline wxString statusText(std::string_view code) { return tiller::ui::text(tiller::i18n::tr(code, "tiller-contacts")); }

}  // namespace contacts::value_ui
