// A file of customers to import, whatever its kind: CSV, tab-separated text (.txt), an Excel
// workbook (.xlsx) or address-book cards (.vcf). It is seen as one table: a header (the vCard
// properties stand in for a header) and rows that know the line (or Excel row, or card) they
// come from. Opening it checks what can be checked at once (empty, binary, not a zip);
// reading it checks the rest (quotes, encoding, line length) and names the file and the line.
#pragma once

#include "core/text_lines.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contacts {

enum class FileFormat { csv, txt, xlsx, vcf };
std::string_view formatName(FileFormat format);  // "csv", "txt", "xlsx", "vcf"
std::optional<FileFormat> formatFromName(std::string_view name);

struct SourceRow {
    long long line = 0;              // file line, Excel row or the line of BEGIN:VCARD
    std::vector<std::string> cells;  // under the header's columns
    std::string problem;             // a row the file itself spoils (a vCard without a name)
};

struct ReadOptions {
    std::optional<FileFormat> format;    // nullopt: from the file name, else from the content
    std::string encoding = "auto";       // auto | utf-8 | gbk | gb18030 | utf-16 | any ICU name
    std::size_t maxLineBytes = 1 << 20;  // a longer line is not a customer (binary, lost line breaks)
    std::size_t maxRowBytes = 4 << 20;   // a quoted value running longer lost its closing quote
    std::size_t maxVcardBytes = 256u << 20;
};

class CustomerFile {
public:
    // Throws BadImportFile for a file that is missing, empty, binary, or not what its format
    // says (an .xlsx that is not a zip), or that has no header.
    CustomerFile(std::filesystem::path file, ReadOptions options = {});

    const std::filesystem::path& path() const { return file_; }
    FileFormat format() const { return format_; }
    const std::string& encoding() const { return encoding_; }  // "" for xlsx
    char delimiter() const { return delimiter_; }              // CSV and TXT
    const std::vector<std::string>& header() const { return header_; }
    long long headerLine() const { return headerLine_; }

    // Every data row in order (blank rows skipped). Throws BadImportFile naming the line for
    // an unclosed quote, a line too long, binary data or text not in the encoding; whatever
    // `row` throws ends the reading.
    void rows(const std::function<void(SourceRow&)>& row) const;
    // The first `count` data rows, for a preview.
    std::vector<SourceRow> firstRows(std::size_t count) const;

    // The vCard properties that stand in for a header.
    static const std::vector<std::string>& vcardColumns();

private:
    void readHeader();
    void csvRows(const std::function<bool(SourceRow&)>& row) const;
    void xlsxRows(const std::function<bool(SourceRow&)>& row) const;
    void vcardRows(const std::function<bool(SourceRow&)>& row) const;
    void each(const std::function<bool(SourceRow&)>& row) const;  // header included; false stops

    std::filesystem::path file_;
    ReadOptions options_;
    FileFormat format_ = FileFormat::csv;
    std::string encoding_;
    char delimiter_ = ',';
    std::vector<std::string> header_;
    long long headerLine_ = 0;
};

}  // namespace contacts
