#include "core/import_text.hpp"

#include <tiller/i18n/catalogs.hpp>

namespace contacts {

std::string say(std::string_view english, std::initializer_list<std::string> values) {
    return tiller::i18n::fill(tiller::i18n::tr(english, "tiller-contacts"), values);
}

}  // namespace contacts
