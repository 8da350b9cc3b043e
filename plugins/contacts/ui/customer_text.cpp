#include "customer_text.hpp"

#include <tiller/i18n/catalogs.hpp>
#include <tiller/ui/text.hpp>

namespace contacts::card {
namespace {

// Sentences contacts_core throws, for the translators (core code has no catalog of its own).
[[maybe_unused]] const char* kCoreMessages[] = {
    N_("give a mobile or a phone number (the customer's or the contact's)"),
    N_("a customer cannot be merged into itself"),
    N_("is not a field a merge can take from the other customer"),
};

}  // namespace

wxString tr(const char* english) { return tiller::ui::text(tiller::i18n::tr(english, "tiller-contacts")); }

std::string translated(const std::string& english) {
    std::string mine = tiller::i18n::tr(english, "tiller-contacts");
    return mine != english ? mine : tiller::i18n::tr(english, "tiller");
}

std::vector<tiller::record::FieldError> translated(std::vector<tiller::record::FieldError> errors) {
    for (auto& e : errors) e.message = translated(e.message);
    return errors;
}

const tiller::Clock& clock() {
    static const tiller::SystemClock system;
    return system;
}

}  // namespace contacts::card
