// UTF-8 in, wxString out. Narrow literals with Chinese in them become empty strings under the
// C locale, so every std::string that reaches a widget goes through here.
#pragma once

#include <wx/string.h>

#include <string>
#include <string_view>

namespace tiller::ui {

inline wxString text(std::string_view utf8) {
    return wxString::FromUTF8(utf8.data(), utf8.size());
}
std::string utf8(const wxString& s);

}  // namespace tiller::ui
