// The phone index's key of a typed number, exactly as PhoneNumbers::parse gives it (E.164 for a
// valid number, "8613800138000" without the "+"), without what an import does not need: the
// national format and the number's type are most of libphonenumber's cost over a million
// numbers. A number that is not valid goes through PhoneNumbers::parse for its reason and key.
// tests/contacts/phone_keys_test.cpp holds both to the same answers.
#pragma once

#include "core/phone_numbers.hpp"

#include <string>

namespace contacts {

struct PhoneKey {
    bool valid = false;
    std::string e164;    // "+8613800138000"; empty when not valid
    std::string key;     // the index's lookup key: E.164 digits, or the digits typed
    std::string reason;  // why it is not valid (English); empty when valid
};

class PhoneKeys {
public:
    explicit PhoneKeys(const PhoneNumbers& numbers) : numbers_(numbers) {}
    PhoneKey of(const std::string& typed) const;

private:
    const PhoneNumbers& numbers_;
};

}  // namespace contacts
