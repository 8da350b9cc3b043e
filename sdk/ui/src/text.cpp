#include <tiller/ui/text.hpp>

namespace tiller::ui {

std::string utf8(const wxString& s) {
    auto buffer = s.utf8_str();
    return std::string(buffer.data(), buffer.length());
}

}  // namespace tiller::ui
