// Issue 7 item 5: phone numbers parsed with libphonenumber (default region CN), shown in the
// local format, found by one key whatever way they were typed, and never dropped when invalid.
#include "core/phone_numbers.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace contacts;

TEST_CASE("every way of typing a Beijing mobile gives the same E.164 number and lookup key",
          "[contacts][phone]") {
    PhoneNumbers numbers;
    for (std::string typed : {"+86 138 0013 8000", "0086-13800138000", "138-0013-8000",
                              "013800138000", "+8613800138000", "13800138000",
                              "8613800138000", "１３８００１３８０００"}) {
        INFO(typed);
        auto parsed = numbers.parse(typed);
        CHECK(parsed.valid);
        CHECK(parsed.typed == typed);
        CHECK(parsed.e164 == "+8613800138000");
        CHECK(parsed.national == "138 0013 8000");
        CHECK(parsed.type == PhoneType::mobile);
        CHECK(parsed.reason.empty());
        CHECK(numbers.lookupKey(typed) == "8613800138000");
    }
}

TEST_CASE("a Shanghai landline with or without brackets, dashes or an extension has one key",
          "[contacts][phone]") {
    PhoneNumbers numbers;
    for (std::string typed : {"(021) 5555-1234", "021-55551234", "+86 21 5555 1234",
                              "021-55551234 ext 12", "021-55551234转12", "021-55551234 分机 12"}) {
        INFO(typed);
        auto parsed = numbers.parse(typed);
        CHECK(parsed.valid);
        CHECK(parsed.e164 == "+862155551234");
        CHECK(parsed.type == PhoneType::fixedLine);
        CHECK(numbers.lookupKey(typed) == "862155551234");
    }
    CHECK(numbers.parse("021-55551234").national == "021 5555 1234");
    CHECK(numbers.parse("021-55551234").extension.empty());
    auto withExtension = numbers.parse("021-55551234 转12");
    CHECK(withExtension.extension == "12");
    CHECK(withExtension.national == "021 5555 1234 ext. 12");
    CHECK(phoneTypeCode(PhoneType::fixedLine) == "fixed_line");
    CHECK(phoneTypeCode(PhoneType::mobile) == "mobile");
}

TEST_CASE("invalid input is kept as typed and flagged with a reason, never dropped",
          "[contacts][phone]") {
    PhoneNumbers numbers;
    struct Case {
        std::string typed, key, reason;
    };
    for (const auto& c : std::vector<Case>{
             {"", "", "empty"},
             {"   ", "", "empty"},
             {"abc", "", "not a phone number: no digits"},
             {"张三", "", "not a phone number: no digits"},
             {"12345", "12345", "incomplete: a local number without its area code, or digits missing"},
             {"138001380001234567", "138001380001234567", "too long to be a phone number"},
         }) {
        INFO(c.typed);
        auto parsed = numbers.parse(c.typed);
        CHECK_FALSE(parsed.valid);
        CHECK(parsed.typed == c.typed);
        CHECK(parsed.e164.empty());
        CHECK(parsed.national.empty());
        CHECK(parsed.type == PhoneType::unknown);
        CHECK(parsed.reason == c.reason);
        CHECK(numbers.lookupKey(c.typed) == c.key);
    }
}

TEST_CASE("the default region decides how a number without a country code is read",
          "[contacts][phone]") {
    PhoneNumbers us("US");
    CHECK(us.defaultRegion() == "US");
    auto parsed = us.parse("(650) 253-0000");
    CHECK(parsed.valid);
    CHECK(parsed.e164 == "+16502530000");
    CHECK(parsed.national == "(650) 253-0000");
    // A Chinese number typed in full is still Chinese.
    CHECK(us.lookupKey("+86 138 0013 8000") == "8613800138000");
    // Without the country code, 13800138000 is not a US number.
    CHECK_FALSE(us.parse("13800138000").valid);
}

TEST_CASE("the caller's region comes from the offline geocoder in the user's language",
          "[contacts][phone]") {
    PhoneNumbers numbers;
    CHECK(numbers.describe("+8613800138000", "zh_CN") == "北京市");
    CHECK(numbers.describe("+8613800138000", "zh_CN.UTF-8") == "北京市");
    CHECK(numbers.describe("+8613800138000", "en_US") == "Beijing");
    CHECK(numbers.describe("+862155551234", "zh_CN") == "上海市");
    CHECK(numbers.describe("+16502530000", "zh_CN") == "美国");
    CHECK(numbers.describe("+16502530000", "en") == "Mountain View, CA");
    CHECK(numbers.describe("12345", "zh_CN").empty());
    CHECK(numbers.describe("", "zh_CN").empty());
}
