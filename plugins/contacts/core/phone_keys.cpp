#include "core/phone_keys.hpp"

#include <phonenumbers/phonenumberutil.h>

namespace contacts {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

// The Chinese words for an extension, as PhoneNumbers rewrites them before parsing
// (phone_numbers.cpp, withExtensionMarkedInLatin).
std::string withExtensionMarkedInLatin(const std::string& typed) {
    static const char* const kWords[] = {"分机号", "分机", "分機", "转", "轉"};
    std::string text = typed;
    for (const char* word : kWords) {
        const std::string needle(word);
        for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at)) text.replace(at, needle.size(), " ext ");
    }
    return text;
}

}  // namespace

PhoneKey PhoneKeys::of(const std::string& typed) const {
    const auto& util = *PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    if (util.Parse(withExtensionMarkedInLatin(typed), numbers_.defaultRegion(), &number) == PhoneNumberUtil::NO_PARSING_ERROR &&
        util.IsValidNumber(number)) {
        PhoneKey k;
        k.valid = true;
        number.clear_extension();  // E.164 has no extension, and the caller ID never carries one
        util.Format(number, PhoneNumberUtil::E164, &k.e164);
        k.key = k.e164.substr(1);
        return k;
    }
    auto parsed = numbers_.parse(typed);  // not valid: PhoneNumbers says why, and what the key is
    PhoneKey k;
    k.valid = parsed.valid;
    k.e164 = parsed.e164;
    k.reason = parsed.reason;
    k.key = parsed.valid ? parsed.e164.substr(1) : numbers_.lookupKey(typed);
    return k;
}

}  // namespace contacts
