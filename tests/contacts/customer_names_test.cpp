// How the duplicate check reads customer names (SPEC §2.10): suffixes, case, spaces and
// punctuation do not make two companies different.
#include "core/customer_names.hpp"

#include <catch2/catch.hpp>

using contacts::nameKey;
using contacts::nameSimilarity;

TEST_CASE("company suffixes, case, spaces and punctuation do not tell customers apart", "[contacts][duplicates]") {
    const std::string huaxin = nameKey("北京华信科技有限公司");
    CHECK(huaxin == "北京华信科技");
    CHECK(nameKey("北京 华信科技") == huaxin);
    CHECK(nameKey("北京华信科技（有限公司）") == huaxin);
    CHECK(nameKey("北京华信科技股份有限公司") == huaxin);
    CHECK(nameKey("北京·华信科技有限责任公司。") == huaxin);
    CHECK(nameKey("ACME Trading Co., Ltd.") == "acmetrading");
    CHECK(nameKey("Acme trading") == "acmetrading");
    CHECK(nameKey("Ａｃｍｅ　Ｔｒａｄｉｎｇ　Ｌｉｍｉｔｅｄ") == "acmetrading");
    CHECK(nameKey("acme-trading inc") == "acmetrading");
}

TEST_CASE("a suffix counts only as a whole word, and a name that is only a suffix keeps it", "[contacts][duplicates]") {
    CHECK(nameKey("Acmeco") == "acmeco");
    CHECK(nameKey("Acme Co") == "acme");
    CHECK(nameKey("有限公司") == "有限公司");
    CHECK(nameKey("Ltd") == "ltd");
    CHECK(nameKey("  ") == "");
    CHECK(nameKey("华信\xff科技") == "华信科技");  // a broken byte is skipped, never refused
}

TEST_CASE("similar names score high, unrelated ones zero", "[contacts][duplicates]") {
    CHECK(nameSimilarity("北京华信科技", "北京华信科技") == 1.0);
    CHECK(nameSimilarity("华信科技北京", "北京华信科技") == Approx(0.8));
    CHECK(nameSimilarity("北京华信科技发展", "北京华信科技") >= 0.75);
    CHECK(nameSimilarity("华信科技", "恒大地产") == 0.0);
    CHECK(nameSimilarity("acmetrading", "acmetradeing") > 0.75);
    CHECK(nameSimilarity("", "华信") == 0.0);
    CHECK(contacts::leadingCodePoints("北京华信科技", 4) == "北京华信");
    CHECK(contacts::leadingCodePoints("ab", 4) == "ab");
}
