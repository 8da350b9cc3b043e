// The rows of the first worksheet of an Excel workbook (.xlsx), read as text for import. The
// worksheet's XML is streamed out of the zip, so a sheet of a million rows is never held whole.
#pragma once

#include <tiller/errors.hpp>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace tiller::io {

enum class XlsxCellType {
    Empty,    // no cell there (a gap before a later cell in the row), or an empty one
    Text,     // shared or inline string, or a formula's text result
    Number,   // the number as Excel wrote it ("1234.5", "13800138000", "1E-3")
    Date,     // a number formatted as a date or time: text is Excel's serial ("45292" = 2024-01-01)
    Boolean,  // "1" or "0"
    Error,    // an error value such as "#DIV/0!"
};

struct XlsxCell {
    XlsxCellType type = XlsxCellType::Empty;
    std::string text;  // UTF-8
};

struct XlsxRow {
    long long number = 0;         // the row number Excel shows (1-based), for messages
    std::vector<XlsxCell> cells;  // column A first; gaps are Empty cells
};

// Calls `row` for every row of the workbook's first worksheet that holds at least one cell, in
// order. Throws Error before the first call for a file that cannot be opened, is not a zip (an
// .xls, a CSV renamed to .xlsx), or holds no worksheet; Error naming the part and the XML line
// for a damaged worksheet. Whatever `row` throws ends the reading.
void readXlsxRows(const std::filesystem::path& file, const std::function<void(XlsxRow&)>& row);

}  // namespace tiller::io
