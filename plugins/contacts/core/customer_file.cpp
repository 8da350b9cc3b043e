#include "core/customer_file.hpp"

#include "core/import_text.hpp"
#include "core/vcard_rows.hpp"

#include <tiller/i18n/catalogs.hpp>
#include <tiller/io/encoding.hpp>
#include <tiller/io/vcard.hpp>
#include <tiller/io/xlsx_reader.hpp>

#include <csv.h>

#include <algorithm>
#include <exception>
#include <fstream>

namespace contacts {
namespace {

// Thrown by a row callback that wants no more rows (a preview): not an error.
struct StopReading {};

// libcsv's parser states (struct csv_parser::pstate), read to know where a row starts.
constexpr int kRowNotBegun = 0;
constexpr int kFieldBegun = 2;

int onlySpace(unsigned char c) { return c == ' ' ? 1 : 0; }

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

std::string trim(const std::string& s) {
    auto begin = s.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos) return "";
    return s.substr(begin, s.find_last_not_of(" \t\r\n") - begin + 1);
}

std::string lowerExtension(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    for (auto& c : ext)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return ext;
}

// An Excel date serial ("45292") as "2024-01-01" (days since 1899-12-30; the time is dropped).
std::string excelDate(const std::string& serial) {
    char* end = nullptr;
    double value = std::strtod(serial.c_str(), &end);
    if (end == serial.c_str() || value < 1 || value > 2958465) return serial;
    long long z = static_cast<long long>(value) - 25569 + 719468;  // days since 1970, then civil
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
    // value is at most 2958465 (9999-12-31): four digits of year, two of month and day.
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", static_cast<int>(y + (m <= 2)) % 10000, static_cast<int>(m) % 100,
                  static_cast<int>(d) % 100);
    return text;
}

// Picks the separator of a CSV or TXT file from its header line: the most frequent of tab,
// comma and semicolon outside quotes; ties go to the format's own.
char sniffDelimiter(const std::string& line, FileFormat format) {
    std::size_t tabs = 0, commas = 0, semicolons = 0;
    bool quoted = false;
    for (char c : line) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        tabs += c == '\t';
        commas += c == ',';
        semicolons += c == ';';
    }
    if (format == FileFormat::txt) {
        if (tabs >= commas && tabs >= semicolons) return '\t';
        return commas >= semicolons ? ',' : ';';
    }
    if (commas >= tabs && commas >= semicolons) return ',';
    return tabs >= semicolons ? '\t' : ';';
}

struct CsvParser {
    csv_parser p{};
    explicit CsvParser(char delimiter) {
        if (csv_init(&p, 0) != 0) throw tiller::Error("out of memory while reading a CSV file");
        csv_set_delim(&p, static_cast<unsigned char>(delimiter));
        if (delimiter == '\t') csv_set_space_func(&p, onlySpace);  // a tab separates, it is not a space
    }
    ~CsvParser() { csv_free(&p); }
    CsvParser(const CsvParser&) = delete;
    CsvParser& operator=(const CsvParser&) = delete;
    bool inQuotes() const { return p.pstate == kFieldBegun && p.quoted; }
};

struct RowCollector {
    const std::function<bool(SourceRow&)>* row = nullptr;
    SourceRow current;
    bool stopped = false;
    std::exception_ptr failure;

    static void onCell(void* text, std::size_t length, void* self) {
        auto& r = *static_cast<RowCollector*>(self);
        if (!r.stopped && !r.failure) r.current.cells.emplace_back(static_cast<const char*>(text), length);
    }
    static void onRowEnd(int, void* self) {
        auto& r = *static_cast<RowCollector*>(self);
        SourceRow done{r.current.line, std::move(r.current.cells), {}};
        r.current.cells.clear();
        if (r.stopped || r.failure || std::all_of(done.cells.begin(), done.cells.end(), blank)) return;
        try {
            if (!(*r.row)(done)) r.stopped = true;
        } catch (...) {
            r.failure = std::current_exception();
        }
    }
};

}  // namespace

std::string_view formatName(FileFormat format) {
    switch (format) {
        case FileFormat::csv: return "csv";
        case FileFormat::txt: return "txt";
        case FileFormat::xlsx: return "xlsx";
        case FileFormat::vcf: return "vcf";
    }
    return "csv";
}

std::optional<FileFormat> formatFromName(std::string_view name) {
    for (auto f : {FileFormat::csv, FileFormat::txt, FileFormat::xlsx, FileFormat::vcf})
        if (name == formatName(f)) return f;
    if (name == "tsv") return FileFormat::txt;
    if (name == "vcard") return FileFormat::vcf;
    return std::nullopt;
}

const std::vector<std::string>& CustomerFile::vcardColumns() { return vcardColumnNames(); }

CustomerFile::CustomerFile(std::filesystem::path file, ReadOptions options) : file_(std::move(file)), options_(std::move(options)) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(file_, error))
        throw BadImportFile(file_, 0, say(N_("cannot open the file (no such file, or not permitted)")));
    if (std::filesystem::file_size(file_, error) == 0) throw BadImportFile(file_, 0, say(N_("the file is empty")));
    std::string start(4096, '\0');
    {
        std::ifstream in(file_, std::ios::binary);
        if (!in) throw BadImportFile(file_, 0, say(N_("cannot open the file (no such file, or not permitted)")));
        in.read(start.data(), static_cast<std::streamsize>(start.size()));
        start.resize(static_cast<std::size_t>(in.gcount()));
    }
    const bool zip = start.rfind("PK\x03\x04", 0) == 0;
    if (options_.format) {
        format_ = *options_.format;
    } else {
        auto ext = lowerExtension(file_);
        if (ext == ".xlsx" || ext == ".xlsm") format_ = FileFormat::xlsx;
        else if (ext == ".vcf" || ext == ".vcard") format_ = FileFormat::vcf;
        else if (ext == ".txt" || ext == ".tsv" || ext == ".tab") format_ = FileFormat::txt;
        else if (ext == ".csv") format_ = FileFormat::csv;
        else if (zip) format_ = FileFormat::xlsx;
        else if (start.find("BEGIN:VCARD") != std::string::npos || start.find("begin:vcard") != std::string::npos) format_ = FileFormat::vcf;
        else format_ = FileFormat::csv;
    }
    if (format_ == FileFormat::xlsx && !zip) {
        auto kind = binaryKind(start);
        throw BadImportFile(file_, 0, kind.empty() ? say(N_("this is not an Excel .xlsx workbook (it is not a zip archive); if it is text, import it as CSV"))
                                                   : say(N_("this is {1}, not an Excel .xlsx workbook"), {kind}));
    }
    if (format_ == FileFormat::vcf) {
        if (auto kind = binaryKind(start); !kind.empty())
            throw BadImportFile(file_, 0, say(N_("this is {1}, not a text file"), {kind}));
    }
    readHeader();
}

void CustomerFile::readHeader() {
    if (format_ == FileFormat::vcf) {
        header_ = vcardColumns();
        headerLine_ = 0;
        std::ifstream in(file_, std::ios::binary);
        std::string sample(tiller::io::kEncodingSampleBytes, '\0');
        in.read(sample.data(), static_cast<std::streamsize>(sample.size()));
        sample.resize(static_cast<std::size_t>(in.gcount()));
        encoding_ = chooseEncoding(file_, sample, options_.encoding);
        bool any = false;
        vcardRows([&](SourceRow&) {
            any = true;
            return false;
        });
        if (!any) throw BadImportFile(file_, 0, say(N_("holds no cards")));
        return;
    }
    if (format_ != FileFormat::xlsx) {
        TextLines lines(file_, options_.encoding, options_.maxLineBytes);
        encoding_ = lines.encoding();
        std::string line;
        bool found = false;
        while (lines.next(line))
            if (!blank(line)) {
                found = true;
                break;
            }
        if (!found) throw BadImportFile(file_, 0, say(N_("the file is empty")));
        delimiter_ = sniffDelimiter(line, format_);
    }
    bool found = false;
    each([&](SourceRow& row) {
        for (auto& cell : row.cells) header_.push_back(trim(cell));
        headerLine_ = row.line;
        found = true;
        return false;
    });
    if (!found) throw BadImportFile(file_, 0, say(N_("the file is empty")));
    while (!header_.empty() && header_.back().empty()) header_.pop_back();  // Excel's empty columns at the right
    if (header_.empty()) throw BadImportFile(file_, headerLine_, say(N_("the first line must name the columns")));
}

void CustomerFile::each(const std::function<bool(SourceRow&)>& row) const {
    switch (format_) {
        case FileFormat::csv:
        case FileFormat::txt: csvRows(row); break;
        case FileFormat::xlsx: xlsxRows(row); break;
        case FileFormat::vcf: vcardRows(row); break;
    }
}

void CustomerFile::rows(const std::function<void(SourceRow&)>& row) const {
    bool header = format_ != FileFormat::vcf;
    each([&](SourceRow& r) {
        if (header) {
            header = false;
            return true;
        }
        row(r);
        return true;
    });
}

std::vector<SourceRow> CustomerFile::firstRows(std::size_t count) const {
    std::vector<SourceRow> rows;
    if (count == 0) return rows;
    bool header = format_ != FileFormat::vcf;
    each([&](SourceRow& r) {
        if (header) {
            header = false;
            return true;
        }
        rows.push_back(std::move(r));
        return rows.size() < count;
    });
    return rows;
}

void CustomerFile::csvRows(const std::function<bool(SourceRow&)>& row) const {
    TextLines lines(file_, options_.encoding, options_.maxLineBytes);
    CsvParser parser(delimiter_);
    RowCollector collector;
    collector.row = &row;
    std::string line;
    long long quoteOpenedOn = 0;
    std::size_t rowBytes = 0;
    while (!collector.stopped && lines.next(line)) {
        const long long number = lines.lineNumber();
        line += '\n';
        if (parser.p.pstate == kRowNotBegun) {
            collector.current.line = number;
            rowBytes = 0;
        }
        rowBytes += line.size();
        const bool wasInQuotes = parser.inQuotes();
        if (csv_parse(&parser.p, line.data(), line.size(), &RowCollector::onCell, &RowCollector::onRowEnd, &collector) != line.size())
            throw BadImportFile(file_, number, csv_strerror(csv_error(&parser.p)));
        if (collector.failure) std::rethrow_exception(collector.failure);
        if (parser.inQuotes() && !wasInQuotes) quoteOpenedOn = number;
        if (parser.inQuotes() && rowBytes > options_.maxRowBytes)
            throw BadImportFile(file_, quoteOpenedOn,
                                say(N_("a quoted value starts here and runs on for more than {1} MB: its closing quote (\") is missing"),
                                    {std::to_string(options_.maxRowBytes >> 20)}));
    }
    if (collector.stopped) return;
    if (parser.inQuotes())
        throw BadImportFile(file_, quoteOpenedOn, say(N_("a quoted value starts here and its closing quote (\") is missing")));
    csv_fini(&parser.p, &RowCollector::onCell, &RowCollector::onRowEnd, &collector);
    if (collector.failure) std::rethrow_exception(collector.failure);
}

void CustomerFile::xlsxRows(const std::function<bool(SourceRow&)>& row) const {
    try {
        tiller::io::readXlsxRows(file_, [&](tiller::io::XlsxRow& x) {
            SourceRow r;
            r.line = x.number;
            for (auto& cell : x.cells)
                r.cells.push_back(cell.type == tiller::io::XlsxCellType::Date ? excelDate(cell.text) : std::move(cell.text));
            if (std::all_of(r.cells.begin(), r.cells.end(), blank)) return;
            if (!row(r)) throw StopReading{};
        });
    } catch (const StopReading&) {
    } catch (const BadImportFile&) {
        throw;
    } catch (const tiller::Error& e) {
        std::string reason = e.what();
        const std::string name = file_.filename().string() + ": ";
        if (reason.rfind(name, 0) == 0) reason.erase(0, name.size());
        throw BadImportFile(file_, 0, reason);
    }
}

void CustomerFile::vcardRows(const std::function<bool(SourceRow&)>& row) const {
    std::error_code error;
    auto size = std::filesystem::file_size(file_, error);
    if (size > options_.maxVcardBytes)
        throw BadImportFile(file_, 0, say(N_("is larger than {1} MB; split it into smaller files"), {std::to_string(options_.maxVcardBytes >> 20)}));
    std::ifstream in(file_, std::ios::binary);
    std::string bytes(size, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    tiller::io::VcardFile cards;
    try {
        if (options_.encoding != "auto" && !options_.encoding.empty()) bytes = tiller::io::toUtf8(bytes, encoding_);
        cards = tiller::io::readVcards(bytes);
    } catch (const BadImportFile&) {
        throw;
    } catch (const tiller::io::EncodingError& e) {
        throw BadImportFile(file_, e.line(), say(N_("the text is not valid {1} here; choose the file's encoding (auto, utf-8, gbk, gb18030, utf-16)"),
                                                 {e.encoding()}));
    } catch (const tiller::Error& e) {
        throw BadImportFile(file_, 0, e.what());
    }
    for (auto& r : vcardSourceRows(cards))
        if (!row(r)) return;
}

}  // namespace contacts
