// Translated text as a wxString: the shell's and plugins' catalogs, through tiller::i18n.
#pragma once

#include <tiller/i18n/catalogs.hpp>
#include <tiller/ui/text.hpp>

namespace tiller::ui {

inline wxString tr(const char* english) { return text(i18n::tr(english)); }
inline wxString tr(const i18n::Text& t) { return text(i18n::tr(t)); }

}  // namespace tiller::ui
