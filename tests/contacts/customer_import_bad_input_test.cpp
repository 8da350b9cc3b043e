// Bad input to the customer import (issue 7, "Bad input"): one fixture per case under
// tests/fixtures/contacts/ (the big ones are made here, not kept in git). A file that cannot be
// imported stops the import before anything is written, with the file (and line) named; a bad
// row is reported with its line and the other rows go in.
#include "import_shop.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>

using namespace contacts;
using contacts::test::fixture;
using contacts::test::ImportShop;

namespace {

// The message of the BadImportFile an import of `file` throws ("" when it does not throw one).
std::string refusal(ImportShop& shop, const std::filesystem::path& file, CustomerImportOptions options = {}) {
    try {
        shop.import(file, options);
    } catch (const BadImportFile& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("a quote that is never closed stops the import, naming the line it opens on", "[contacts][import][bad-input]") {
    ImportShop shop;
    CHECK(refusal(shop, fixture("unbalanced_quotes.csv")) ==
          "unbalanced_quotes.csv, line 3: a quoted value starts here and its closing quote (\") is missing");
    CHECK(shop.everything() == 0);

    // One that runs on through a big file is given up after 4 MB, not read to the end.
    auto big = shop.t.dir() / "runaway_quote.csv";
    {
        std::ofstream out(big, std::ios::binary);
        out << "客户名称,联系人,手机\n北京华信科技有限公司,王伟,13800138000\n\"上海明月贸易有限公司,李娜,13912345678\n";
        for (int i = 0; i < 200000; ++i) out << "某公司" << i << ",某人,13700000000\n";
    }
    CHECK_THAT(refusal(shop, big), Catch::StartsWith("runaway_quote.csv, line 3: a quoted value starts here and runs on for more than 4 MB"));
    CHECK(shop.everything() == 0);
}

TEST_CASE("binary junk is refused as a whole file", "[contacts][import][bad-input]") {
    ImportShop shop;
    CHECK_THAT(refusal(shop, fixture("binary_junk.csv")), Catch::StartsWith("binary_junk.csv: holds binary data (a NUL byte at byte"));
    CHECK_THAT(refusal(shop, fixture("random_bytes.csv")), Catch::StartsWith("random_bytes.csv: ") && Catch::Contains("binary data"));
    auto png = shop.t.dir() / "photo.csv";
    tiller::test::writeFile(png, std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    CHECK(refusal(shop, png) == "photo.csv: this is a picture, not a text file");
    auto controls = shop.t.dir() / "controls.csv";
    tiller::test::writeFile(controls, "客户名称,手机\n甲公司,13800138000\n乙公司\x07\x08,13900139000\n");
    CHECK(refusal(shop, controls) == "controls.csv, line 3: holds binary data (byte 0x07); this is not a text file");
    CHECK(shop.everything() == 0);
}

TEST_CASE("a line of 2 GB is refused without reading it into memory", "[contacts][import][bad-input]") {
    ImportShop shop;
    auto huge = shop.t.dir() / "huge_line.csv";
    {
        // A sparse file: the header, 8 MB of one line, then a hole up to 2 GB and a line break.
        std::ofstream out(huge, std::ios::binary);
        out << "客户名称,联系人,手机\n";
        std::string chunk(1 << 20, 'x');
        for (int i = 0; i < 8; ++i) out << chunk;
    }
    std::filesystem::resize_file(huge, (2ULL << 30) - 1);
    {
        std::ofstream out(huge, std::ios::binary | std::ios::app);
        out << '\n';
    }
    REQUIRE(std::filesystem::file_size(huge) == 2ULL << 30);
    auto started = std::chrono::steady_clock::now();
    CHECK(refusal(shop, huge) ==
          "huge_line.csv, line 2: the line is longer than 1 MB; this is not a list of customers (binary data, or the line "
          "breaks are lost)");
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
    CHECK(shop.everything() == 0);
}

TEST_CASE("an empty file, and one with only its header, import nothing", "[contacts][import][bad-input]") {
    ImportShop shop;
    CHECK(refusal(shop, fixture("empty.csv")) == "empty.csv: the file is empty");
    auto blank = shop.t.dir() / "blank.csv";
    tiller::test::writeFile(blank, "\xEF\xBB\xBF\r\n  \r\n");
    CHECK(refusal(shop, blank) == "blank.csv: the file is empty");
    auto r = shop.import(fixture("header_only.csv"));
    CHECK(r.rowsRead == 0);
    CHECK(r.imported == 0);
    CHECK(refusal(shop, fixture("does_not_exist.csv")) == "does_not_exist.csv: cannot open the file (no such file, or not permitted)");
    CHECK(shop.everything() == 0);
}

TEST_CASE("an xlsx that is not a zip is refused before anything is written", "[contacts][import][bad-input]") {
    ImportShop shop;
    CHECK(refusal(shop, fixture("not_a_zip.xlsx")) ==
          "not_a_zip.xlsx: this is not an Excel .xlsx workbook (it is not a zip archive); if it is text, import it as CSV");
    // Told it is CSV, the same file imports.
    CustomerImportOptions csv;
    csv.read.format = FileFormat::csv;
    CHECK(shop.import(fixture("not_a_zip.xlsx"), csv).imported == 1);
    // A zip that is a text file's neighbour: the CSV reader refuses it as binary.
    ImportShop other;
    auto zip = other.t.dir() / "archive.csv";
    tiller::test::writeFile(zip, std::string("PK\x03\x04\x14\0\0\0", 8));
    CHECK(refusal(other, zip) == "archive.csv: this is a zip archive (an Excel .xlsx workbook?), not a text file");
    CHECK(other.everything() == 0);
}

TEST_CASE("text in the wrong encoding is refused with its line", "[contacts][import][bad-input]") {
    ImportShop shop;
    CustomerImportOptions utf8;
    utf8.read.encoding = "utf-8";
    CHECK(refusal(shop, fixture("gbk_as_utf8.csv"), utf8) ==
          "gbk_as_utf8.csv, line 1: the text is not valid UTF-8 here; choose the file's encoding (auto, utf-8, gbk, gb18030, utf-16)");
    CHECK_THAT(refusal(shop, fixture("broken_gbk.csv")),
               Catch::StartsWith("broken_gbk.csv, line 4: the text is not valid GB18030 here"));
    CustomerImportOptions unknown;
    unknown.read.encoding = "klingon";
    CHECK_THAT(refusal(shop, fixture("customers.csv"), unknown), Catch::Contains("the text encoding 'klingon' is not known"));
    CHECK(shop.everything() == 0);
}

TEST_CASE("ragged rows are rejected with their line, the others are imported", "[contacts][import][bad-input]") {
    ImportShop shop;
    auto r = shop.import(fixture("ragged_rows.csv"));
    CHECK(r.imported == 2);
    REQUIRE(r.rejected.size() == 1);
    CHECK(r.rejected[0].line == 3);
    CHECK(r.rejected[0].problems[0].message == "has 6 values but the header names only 4 columns");
}

TEST_CASE("a vCard file without any card is refused, a card without a name is a rejected row", "[contacts][import][bad-input]") {
    ImportShop shop;
    auto notCards = shop.t.dir() / "notes.vcf";
    tiller::test::writeFile(notCards, "just some notes\nnot a card\n");
    CHECK_THAT(refusal(shop, notCards), Catch::StartsWith("notes.vcf: "));
    auto r = shop.import(fixture("nameless.vcf"));
    REQUIRE(r.rejected.size() == 1);
    CHECK(r.rejected[0].line == 8);
    CHECK_FALSE(r.rejected[0].problems.empty());
}
