// Reading the first worksheet of workbooks written by libxlsxwriter, as Excel would write them.
#include <tiller/errors.hpp>
#include <tiller/io/xlsx_reader.hpp>

#include "temp_dir.hpp"

#include <xlsxwriter.h>
#include <zip.h>
#include <catch2/catch.hpp>

using namespace tiller;
using io::XlsxCellType;

namespace {

std::vector<io::XlsxRow> readAll(const std::filesystem::path& file) {
    std::vector<io::XlsxRow> rows;
    io::readXlsxRows(file, [&rows](io::XlsxRow& row) { rows.push_back(row); });
    return rows;
}

// Customers on the first sheet (rows 1, 2 and 5, with an empty C2), notes on a second one.
void writeCustomers(const std::filesystem::path& file, bool constantMemory) {
    lxw_workbook_options options{};
    options.constant_memory = constantMemory ? LXW_TRUE : LXW_FALSE;
    lxw_workbook* book = workbook_new_opt(file.c_str(), &options);
    REQUIRE(book != nullptr);
    lxw_worksheet* sheet = workbook_add_worksheet(book, "客户");
    lxw_format* date = workbook_add_format(book);
    format_set_num_format(date, "yyyy\"年\"m\"月\"d\"日\"");
    const char* headers[] = {"客户名称", "手机", "备注", "邮箱", "签约日期", "VIP"};
    for (int c = 0; c < 6; ++c)
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), headers[c], nullptr);
    worksheet_write_string(sheet, 1, 0, "北京星辰科技有限公司", nullptr);
    worksheet_write_number(sheet, 1, 1, 13800138000.0, nullptr);
    worksheet_write_string(sheet, 1, 3, "zhangsan@example.com", nullptr);
    lxw_datetime signed_on = {2024, 1, 1, 0, 0, 0};
    worksheet_write_datetime(sheet, 1, 4, &signed_on, date);
    worksheet_write_boolean(sheet, 1, 5, 1, nullptr);
    worksheet_write_string(sheet, 4, 0, "上海明月贸易有限公司", nullptr);
    worksheet_write_number(sheet, 4, 2, 1234.5, nullptr);
    lxw_worksheet* notes = workbook_add_worksheet(book, "备注");
    worksheet_write_string(notes, 0, 0, "这一页不是客户", nullptr);
    REQUIRE(workbook_close(book) == LXW_NO_ERROR);
}

// A zip holding the given parts, as a damaged or foreign "xlsx" would.
void writeZip(const std::filesystem::path& file,
              const std::vector<std::pair<std::string, std::string>>& parts) {
    int error = 0;
    zip_t* zip = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    REQUIRE(zip != nullptr);
    for (const auto& [name, text] : parts) {
        zip_source_t* source = zip_source_buffer(zip, text.data(), text.size(), 0);
        REQUIRE(zip_file_add(zip, name.c_str(), source, ZIP_FL_ENC_UTF_8) >= 0);
    }
    REQUIRE(zip_close(zip) == 0);
}

}  // namespace

TEST_CASE("the first worksheet is read with Chinese text, numbers, dates and an empty cell",
          "[io][xlsx]") {
    test::TempDir dir;
    for (bool constantMemory : {false, true}) {  // shared strings, then inline strings
        INFO("constant memory: " << constantMemory);
        auto file = dir / "customers.xlsx";
        writeCustomers(file, constantMemory);
        auto rows = readAll(file);
        REQUIRE(rows.size() == 3);
        CHECK(rows[0].number == 1);
        REQUIRE(rows[0].cells.size() == 6);
        CHECK(rows[0].cells[0].text == "客户名称");
        CHECK(rows[0].cells[0].type == XlsxCellType::Text);
        CHECK(rows[0].cells[4].text == "签约日期");

        CHECK(rows[1].number == 2);
        REQUIRE(rows[1].cells.size() == 6);
        CHECK(rows[1].cells[0].text == "北京星辰科技有限公司");
        CHECK(rows[1].cells[1].type == XlsxCellType::Number);
        CHECK(rows[1].cells[1].text == "13800138000");
        CHECK(rows[1].cells[2].type == XlsxCellType::Empty);
        CHECK(rows[1].cells[2].text.empty());
        CHECK(rows[1].cells[3].text == "zhangsan@example.com");
        CHECK(rows[1].cells[4].type == XlsxCellType::Date);
        CHECK(rows[1].cells[4].text == "45292");  // 2024-01-01 as Excel's serial day
        CHECK(rows[1].cells[5].type == XlsxCellType::Boolean);
        CHECK(rows[1].cells[5].text == "1");

        CHECK(rows[2].number == 5);  // rows 3 and 4 are empty and skipped, the number is kept
        REQUIRE(rows[2].cells.size() == 3);
        CHECK(rows[2].cells[0].text == "上海明月贸易有限公司");
        CHECK(rows[2].cells[1].type == XlsxCellType::Empty);
        CHECK(rows[2].cells[2].type == XlsxCellType::Number);
        CHECK(rows[2].cells[2].text == "1234.5");
    }
}

TEST_CASE("a file that is not a zip is refused before any row", "[io][xlsx]") {
    test::TempDir dir;
    auto file = test::writeFile(dir / "customers.xlsx",
                                "客户名称,手机\n北京星辰科技有限公司,13800138000\n");
    bool called = false;
    CHECK_THROWS_WITH(
        io::readXlsxRows(file, [&called](io::XlsxRow&) { called = true; }),
        "customers.xlsx is not an Excel workbook (.xlsx): it is not a zip archive. Open it in "
        "Excel or WPS and save it as \"Excel Workbook (*.xlsx)\", or as CSV.");
    CHECK_FALSE(called);
    CHECK_THROWS_WITH(readAll(dir / "missing.xlsx"), Catch::StartsWith("cannot open "));
    CHECK_THROWS_WITH(readAll(test::writeFile(dir / "empty.xlsx", "")),
                      "empty.xlsx is empty: it is not an Excel workbook (.xlsx)");
}

TEST_CASE("a zip without a worksheet is refused", "[io][xlsx]") {
    test::TempDir dir;
    auto file = dir / "photos.xlsx";
    writeZip(file, {{"photo.txt", "not a workbook"}});
    CHECK_THROWS_WITH(readAll(file),
                      "photos.xlsx holds no worksheet: it is a zip archive but not an Excel "
                      "workbook (.xlsx)");
}

TEST_CASE("a damaged worksheet is reported with its XML line", "[io][xlsx]") {
    test::TempDir dir;
    auto file = dir / "damaged.xlsx";
    writeZip(file, {{"xl/worksheets/sheet1.xml",
                     "<worksheet><sheetData>\n<row r=\"1\"><c r=\"A1\" "
                     "t=\"inlineStr\"><is><t>张三</t></is></c></row>\n"
                     "<row r=\"2\"><c r=\"A2\"></row>\n</sheetData></worksheet>"}});
    std::vector<io::XlsxRow> rows;
    CHECK_THROWS_WITH(
        io::readXlsxRows(file, [&rows](io::XlsxRow& r) { rows.push_back(r); }),
        Catch::StartsWith("damaged.xlsx: xl/worksheets/sheet1.xml is damaged (XML line 3: "));
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].cells[0].text == "张三");
}

TEST_CASE("a cell that names a missing shared string is reported with its row", "[io][xlsx]") {
    test::TempDir dir;
    auto file = dir / "broken.xlsx";
    writeZip(file, {{"xl/worksheets/sheet1.xml",
                     "<worksheet><sheetData><row r=\"7\"><c r=\"B7\" "
                     "t=\"s\"><v>3</v></c></row></sheetData></worksheet>"}});
    CHECK_THROWS_WITH(readAll(file),
                      "broken.xlsx, row 7: a cell refers to shared string 3, which the workbook "
                      "does not hold; the workbook is damaged");
}

TEST_CASE("what the row callback throws ends the reading", "[io][xlsx]") {
    test::TempDir dir;
    auto file = dir / "customers.xlsx";
    writeCustomers(file, false);
    int calls = 0;
    CHECK_THROWS_WITH(io::readXlsxRows(file,
                                       [&calls](io::XlsxRow&) {
                                           if (++calls == 2) throw Error("cancelled");
                                       }),
                      "cancelled");
    CHECK(calls == 2);
}
