#include "core/phone_numbers.hpp"

#include <phonenumbers/geocoding/phonenumber_offline_geocoder.h>
#include <phonenumbers/phonenumberutil.h>
#include <unicode/locid.h>

#include <mutex>
#include <utility>

namespace contacts {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberOfflineGeocoder;
using i18n::phonenumbers::PhoneNumberUtil;

struct PhoneNumbers::Geocoder {
    // The geocoder loads its per-prefix tables lazily into shared maps; one caller at a time.
    std::mutex mutex;
    PhoneNumberOfflineGeocoder offline;
};

namespace {

const PhoneNumberUtil& util() { return *PhoneNumberUtil::GetInstance(); }

PhoneType toPhoneType(PhoneNumberUtil::PhoneNumberType type) {
    switch (type) {
        case PhoneNumberUtil::FIXED_LINE: return PhoneType::fixedLine;
        case PhoneNumberUtil::MOBILE: return PhoneType::mobile;
        case PhoneNumberUtil::FIXED_LINE_OR_MOBILE: return PhoneType::fixedLineOrMobile;
        case PhoneNumberUtil::TOLL_FREE: return PhoneType::tollFree;
        case PhoneNumberUtil::PREMIUM_RATE: return PhoneType::premiumRate;
        case PhoneNumberUtil::SHARED_COST: return PhoneType::sharedCost;
        case PhoneNumberUtil::VOIP: return PhoneType::voip;
        case PhoneNumberUtil::PERSONAL_NUMBER: return PhoneType::personalNumber;
        case PhoneNumberUtil::PAGER: return PhoneType::pager;
        case PhoneNumberUtil::UAN: return PhoneType::uan;
        case PhoneNumberUtil::VOICEMAIL: return PhoneType::voicemail;
        case PhoneNumberUtil::UNKNOWN: break;
    }
    return PhoneType::unknown;
}

// libphonenumber knows "ext", "x", "#" and a few more, but not the Chinese words for an
// extension: "021-55551234 转12" would not parse at all. Rewrite them as " ext ".
std::string withExtensionMarkedInLatin(const std::string& typed) {
    static const char* const kWords[] = {"分机号", "分机", "分機", "转", "轉"};
    std::string text = typed;
    for (const char* word : kWords) {
        const std::string needle(word);
        for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at)) {
            text.replace(at, needle.size(), " ext ");
        }
    }
    return text;
}

std::string parseErrorReason(PhoneNumberUtil::ErrorType error) {
    switch (error) {
        case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR: return "unknown country code";
        case PhoneNumberUtil::NOT_A_NUMBER: return "not a phone number";
        case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
        case PhoneNumberUtil::TOO_SHORT_NSN: return "too short to be a phone number";
        case PhoneNumberUtil::TOO_LONG_NSN: return "too long to be a phone number";
        case PhoneNumberUtil::NO_PARSING_ERROR: break;
    }
    return "not a phone number";
}

std::string invalidNumberReason(const PhoneNumber& number, const std::string& defaultRegion) {
    std::string region;
    util().GetRegionCodeForNumber(number, &region);
    if (region.empty() || region == "ZZ") region = defaultRegion;
    switch (util().IsPossibleNumberWithReason(number)) {
        case PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY:
            return "incomplete: a local number without its area code, or digits missing";
        case PhoneNumberUtil::INVALID_COUNTRY_CODE: return "unknown country code";
        case PhoneNumberUtil::TOO_SHORT: return "too short for a number in " + region;
        case PhoneNumberUtil::TOO_LONG: return "too long for a number in " + region;
        case PhoneNumberUtil::INVALID_LENGTH: return "wrong number of digits for " + region;
        case PhoneNumberUtil::IS_POSSIBLE: break;
    }
    return "not a valid number in " + region;
}

std::string digitsOnly(const std::string& typed) {
    std::string digits = typed;
    PhoneNumberUtil::GetInstance()->NormalizeDigitsOnly(&digits);  // also folds fullwidth and Arabic-Indic digits
    return digits;
}

}  // namespace

std::string_view phoneTypeCode(PhoneType type) {
    switch (type) {
        case PhoneType::fixedLine: return "fixed_line";
        case PhoneType::mobile: return "mobile";
        case PhoneType::fixedLineOrMobile: return "fixed_line_or_mobile";
        case PhoneType::tollFree: return "toll_free";
        case PhoneType::premiumRate: return "premium_rate";
        case PhoneType::sharedCost: return "shared_cost";
        case PhoneType::voip: return "voip";
        case PhoneType::personalNumber: return "personal_number";
        case PhoneType::pager: return "pager";
        case PhoneType::uan: return "uan";
        case PhoneType::voicemail: return "voicemail";
        case PhoneType::unknown: break;
    }
    return "unknown";
}

PhoneNumbers::PhoneNumbers(std::string defaultRegion)
    : defaultRegion_(std::move(defaultRegion)), geocoder_(std::make_unique<Geocoder>()) {}

PhoneNumbers::~PhoneNumbers() = default;

ParsedPhone PhoneNumbers::parse(const std::string& typed) const {
    ParsedPhone parsed;
    parsed.typed = typed;
    if (digitsOnly(typed).empty()) {
        parsed.reason = typed.find_first_not_of(" \t\r\n") == std::string::npos
                            ? "empty"
                            : "not a phone number: no digits";
        return parsed;
    }
    PhoneNumber number;
    // A leading trunk 0 on a mobile ("013800138000") needs nothing from us: libphonenumber strips
    // CN's national prefix 0 and the result is the same E.164 number as "13800138000".
    const auto error = util().Parse(withExtensionMarkedInLatin(typed), defaultRegion_, &number);
    if (error != PhoneNumberUtil::NO_PARSING_ERROR) {
        parsed.reason = parseErrorReason(error);
        return parsed;
    }
    if (!util().IsValidNumber(number)) {
        parsed.reason = invalidNumberReason(number, defaultRegion_);
        return parsed;
    }
    parsed.valid = true;
    parsed.extension = number.extension();
    util().Format(number, PhoneNumberUtil::NATIONAL, &parsed.national);
    number.clear_extension();  // E.164 has no extension; the national format above keeps it
    util().Format(number, PhoneNumberUtil::E164, &parsed.e164);
    parsed.type = toPhoneType(util().GetNumberType(number));
    return parsed;
}

std::string PhoneNumbers::lookupKey(const std::string& typed) const {
    auto parsed = parse(typed);
    if (parsed.valid) return parsed.e164.substr(1);  // without the "+"
    return digitsOnly(typed);
}

std::string PhoneNumbers::describe(const std::string& e164, const std::string& language) const {
    PhoneNumber number;
    if (util().Parse(e164, defaultRegion_, &number) != PhoneNumberUtil::NO_PARSING_ERROR ||
        !util().IsValidNumber(number)) {
        return {};
    }
    const auto separator = language.find_first_of("_-");
    std::string lang = language.substr(0, separator);
    lang = lang.substr(0, lang.find_first_of(".@"));
    // "zh_CN.UTF-8" and "zh_CN@pinyin" as found in LANG: the country stops at '.' or '@'.
    std::string country =
        separator == std::string::npos ? std::string() : language.substr(separator + 1);
    country = country.substr(0, country.find_first_of(".@"));
    const icu::Locale locale(lang.c_str(), country.empty() ? nullptr : country.c_str());
    std::lock_guard lock(geocoder_->mutex);
    return geocoder_->offline.GetDescriptionForNumber(number, locale);
}

}  // namespace contacts
