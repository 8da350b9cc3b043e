// i18n::fill: the blanks of a translated sentence, in whatever order the language puts them.
#include <tiller/i18n/catalogs.hpp>

#include <catch2/catch.hpp>

using tiller::i18n::fill;

TEST_CASE("fill puts each value in its numbered blank, wherever and however often it stands", "[i18n]") {
    CHECK(fill("It rang for {1} at {2}.", {"0:18", "8001"}) == "It rang for 0:18 at 8001.");
    CHECK(fill("在{2}上响铃{1}。", {"0:18", "8001"}) == "在8001上响铃0:18。");
    CHECK(fill("{1} and {1} again", {"x"}) == "x and x again");
    CHECK(fill("{1} {2}", {"{2}", "x"}) == "{2} x");  // a value holding a blank is not filled again
    CHECK(fill("{1} {2}", {"only one"}) == "only one {2}");  // a missing value leaves its blank
    CHECK(fill("no blanks", {"unused"}) == "no blanks");
}
