#include "core/import_text.hpp"

#include <tiller/i18n/catalogs.hpp>

namespace contacts {

std::string say(std::string_view english, std::initializer_list<std::string> values) {
    std::string text = tiller::i18n::tr(english, "tiller-contacts");
    int n = 0;
    for (const auto& value : values) {
        const std::string blank = "{" + std::to_string(++n) + "}";
        for (auto at = text.find(blank); at != std::string::npos; at = text.find(blank, at + value.size()))
            text.replace(at, blank.size(), value);
    }
    return text;
}

}  // namespace contacts
