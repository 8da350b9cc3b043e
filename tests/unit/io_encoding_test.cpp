// The encodings customer files really come in: each fixture holds the same customer list.
#include <tiller/io/encoding.hpp>

#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace tiller;

namespace {
std::string fixture(const std::string& name) {
    return test::readFile(std::filesystem::path(TILLER_FIXTURES) / "import" / "encodings" / name);
}
std::string withoutCarriageReturns(std::string s) {
    s.erase(std::remove(s.begin(), s.end(), '\r'), s.end());
    return s;
}
std::string decoded(const std::string& name) {
    std::string bytes = fixture(name);
    return withoutCarriageReturns(io::toUtf8(bytes, io::detectEncoding(bytes)));
}
const std::string kExtraRow =
    "𠮷野家餐饮管理有限公司,赵六,13900139000,zhaoliu@example.com,深圳市南山区科技园\n";
}  // namespace

TEST_CASE("the customer list reads the same from UTF-8, UTF-8 with BOM, GBK and UTF-16LE",
          "[io][encoding]") {
    std::string expected = fixture("customers.utf8.csv");
    REQUIRE(expected.rfind("客户名称,联系人,手机,邮箱,地址\n北京星辰科技有限公司,张三,", 0) == 0);
    CHECK(io::detectEncoding(fixture("customers.utf8.csv")) == "UTF-8");
    CHECK(io::detectEncoding(fixture("customers.utf8-bom.csv")) == "UTF-8");
    CHECK(io::detectEncoding(fixture("customers.gbk.csv")) == "GB18030");
    CHECK(io::detectEncoding(fixture("customers.utf16le-bom.csv")) == "UTF-16LE");
    CHECK(decoded("customers.utf8.csv") == expected);
    CHECK(decoded("customers.utf8-bom.csv") == expected);  // the byte-order mark is dropped
    CHECK(decoded("customers.gbk.csv") == expected);
    CHECK(decoded("customers.utf16le-bom.csv") == expected);
}

TEST_CASE("a GB18030 file keeps a character GBK cannot hold", "[io][encoding]") {
    CHECK(io::detectEncoding(fixture("customers.gb18030.csv")) == "GB18030");
    CHECK(decoded("customers.gb18030.csv") == fixture("customers.utf8.csv") + kExtraRow);
}

TEST_CASE("an encoding named by the person is used as given", "[io][encoding]") {
    std::string expected = fixture("customers.utf8.csv");
    CHECK(withoutCarriageReturns(io::toUtf8(fixture("customers.gbk.csv"), "gbk")) == expected);
    CHECK(io::toUtf8(fixture("customers.utf16le-bom.csv"), "utf-16") == expected);
    CHECK(io::toUtf8(fixture("customers.utf8-bom.csv"), "utf-8") == expected);
}

TEST_CASE("UTF-16 without a byte-order mark is recognised", "[io][encoding]") {
    std::string bytes = fixture("customers.utf16le-bom.csv").substr(2);
    CHECK(io::detectEncoding(bytes) == "UTF-16LE");
    CHECK(io::toUtf8(bytes, io::detectEncoding(bytes)) == fixture("customers.utf8.csv"));
}

TEST_CASE("a short GBK text is taken for GB18030, plain ASCII for UTF-8", "[io][encoding]") {
    CHECK(io::detectEncoding("\xD5\xC5\xC8\xFD,13800138000\n") == "GB18030");  // 张三 in GBK
    CHECK(io::detectEncoding("name,phone\nZhang San,13800138000\n") == "UTF-8");
    CHECK(io::detectEncoding("") == "UTF-8");
    // Latin-1 accents next to ASCII letters do not look like Chinese: uchardet's answer stands.
    std::string latin = "Name,City\nM\xFCller GmbH,K\xF6ln\nCaf\xE9 Cr\xE8me,Z\xFCrich\n";
    CHECK(io::detectEncoding(latin) != "GB18030");
    CHECK(io::toUtf8(latin, io::detectEncoding(latin)) ==
          "Name,City\nMüller GmbH,Köln\nCafé Crème,Zürich\n");
}

TEST_CASE("an invalid byte is reported with the encoding, its line and its offset",
          "[io][encoding]") {
    std::string bytes = fixture("broken.gbk.csv");
    auto offset = bytes.find('\x81');
    REQUIRE(offset != std::string::npos);
    try {
        io::toUtf8(bytes, "GBK");
        FAIL("no error");
    } catch (const io::EncodingError& e) {
        CHECK(e.encoding() == "GBK");
        CHECK(e.line() == 3);
        CHECK(e.offset() == offset);
        CHECK(std::string(e.what()) == "the text is not valid GBK: line 3 (byte " +
                                           std::to_string(offset) +
                                           ") holds 0x81; choose the file's real encoding");
    }
}

TEST_CASE("a GBK file read as UTF-8 fails on its first Chinese character", "[io][encoding]") {
    CHECK_THROWS_WITH(io::toUtf8(fixture("customers.gbk.csv"), "UTF-8"),
                      Catch::StartsWith("the text is not valid UTF-8: line 1 (byte 0) holds 0xBF"));
    CHECK_THROWS_WITH(
        io::toUtf8(std::string("张三").substr(0, 4), "UTF-8"),
        "the text is not valid UTF-8: it ends in the middle of a character at line 1 (byte 3)");
}

TEST_CASE("an unknown encoding name is refused by name", "[io][encoding]") {
    CHECK_THROWS_AS(io::toUtf8("abc", "klingon"), Error);
    CHECK_THROWS_WITH(
        io::toUtf8("abc", "klingon"),
        "the text encoding 'klingon' is not known; try UTF-8, GBK, GB18030 or UTF-16");
}
