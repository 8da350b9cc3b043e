// Phone numbers as customers type them (issue 7 item 5): parsed with libphonenumber into E.164
// for storage and lookup, shown in the local (national) format, and described by region
// (来电归属地) for the dialer's screen pop. A number that does not parse is kept as typed and
// flagged, never dropped.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace contacts {

enum class PhoneType {
    fixedLine,
    mobile,
    fixedLineOrMobile,
    tollFree,
    premiumRate,
    sharedCost,
    voip,
    personalNumber,
    pager,
    uan,
    voicemail,
    unknown
};
std::string_view phoneTypeCode(PhoneType type);  // "mobile", "fixed_line", ...

struct ParsedPhone {
    std::string typed;      // exactly as given
    bool valid = false;
    std::string e164;       // "+8613800138000"; empty when not valid
    std::string national;   // "138 0013 8000", "021 5555 1234 ext. 12"; empty when not valid
    std::string extension;  // "12" for "021-55551234 转12"
    PhoneType type = PhoneType::unknown;
    std::string reason;     // why it is not valid (English); empty when valid
};

class PhoneNumbers {
public:
    // defaultRegion: ISO 3166 code used for numbers typed without a country code.
    explicit PhoneNumbers(std::string defaultRegion = "CN");
    ~PhoneNumbers();
    PhoneNumbers(const PhoneNumbers&) = delete;
    PhoneNumbers& operator=(const PhoneNumbers&) = delete;

    const std::string& defaultRegion() const { return defaultRegion_; }

    ParsedPhone parse(const std::string& typed) const;

    // What the phone index stores and searches by: the E.164 digits without "+"
    // ("8613800138000") when the number is valid, otherwise the digits typed (fullwidth
    // digits folded), "" when there are none. An extension is not part of the key: the caller
    // ID of an incoming call never carries one.
    std::string lookupKey(const std::string& typed) const;

    // Region of a number from libphonenumber's offline geocoder, in `language` ("zh_CN",
    // "en_US", "en"): 北京市 / Beijing for a Beijing mobile, 美国 for a US number.
    // "" when the number is not valid or the data has no description.
    //
    // No carrier name: Debian's libphonenumber 8.12 ships neither the carrier mapper
    // (PhoneNumberToCarrierMapper) nor its data, only the geocoder.
    std::string describe(const std::string& e164, const std::string& language) const;

private:
    struct Geocoder;
    std::string defaultRegion_;
    std::unique_ptr<Geocoder> geocoder_;
};

}  // namespace contacts
