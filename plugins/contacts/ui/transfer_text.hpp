// Texts and the clock of the import wizard and the export command (catalog tiller-contacts).
#pragma once

#include "core/import_text.hpp"

#include <tiller/clock.hpp>
#include <tiller/ui/text.hpp>

#include <wx/string.h>

namespace contacts::transfer {

// A sentence of the contacts catalog as a wxString (mark the literal with N_ or call it tr).
inline wxString tr(const char* english) { return tiller::ui::text(say(english)); }
inline wxString say(std::string_view english, std::initializer_list<std::string> values) {
    return tiller::ui::text(contacts::say(english, values));
}

inline const tiller::Clock& clock() {
    static const tiller::SystemClock system;
    return system;
}

}  // namespace contacts::transfer
