// The import's fast path to a number's lookup key gives exactly what PhoneNumbers gives (the
// phone index and the dialer's screen pop find by it), for every way people write numbers.
#include "core/phone_keys.hpp"

#include <catch2/catch.hpp>

using namespace contacts;

TEST_CASE("the import's phone keys are the phone index's, for every shape of number", "[contacts][import]") {
    PhoneNumbers numbers("CN");
    PhoneKeys keys(numbers);
    for (const char* typed :
         {"+86 138 0013 8000", "0086-13800138000", "138-0013-8000", "013800138000", "(021) 5555-1234", "021-55551234",
          "021-55551234 转12", "021-55551234转 8", "010 6234 5678 分机 123", "+1 415 555 0132", "+44 20 7946 0018",
          "+44 7700 900123", "8613800138000", "１３８００１３８０００", "1380013800", "12345", "021-5555", "abc", "",
          "0000000000", "+999 123456", "400-800-8888", "95588", "+852 2123 4567", "0755-8888 6666 ext. 9"}) {
        INFO("'" << typed << "'");
        auto full = numbers.parse(typed);
        auto fast = keys.of(typed);
        CHECK(fast.valid == full.valid);
        CHECK(fast.e164 == full.e164);
        CHECK(fast.reason == full.reason);
        CHECK(fast.key == numbers.lookupKey(typed));
    }
}
