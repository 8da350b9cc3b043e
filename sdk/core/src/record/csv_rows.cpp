#include "csv_rows.hpp"

#include <tiller/io/encoding.hpp>

#include <tiller/errors.hpp>

#include <csv.h>

#include <exception>
#include <fstream>
#include <string_view>

namespace tiller::record {
namespace {

// libcsv's parser states (struct csv_parser::pstate), read to know where a row starts.
constexpr int kRowNotBegun = 0;
constexpr int kFieldBegun = 2;

struct Reader {
    const std::function<void(CsvRow&)>* row = nullptr;
    CsvRow current;
    std::exception_ptr failure;  // what `row` threw: C code cannot carry an exception

    static void onCell(void* text, std::size_t length, void* self) {
        auto& r = *static_cast<Reader*>(self);
        if (!r.failure) r.current.cells.emplace_back(static_cast<const char*>(text), length);
    }
    static void onRowEnd(int, void* self) {
        auto& r = *static_cast<Reader*>(self);
        CsvRow done{r.current.line, std::move(r.current.cells)};
        r.current.cells.clear();
        if (r.failure || done.cells.empty()) return;
        try {
            (*r.row)(done);
        } catch (...) {
            r.failure = std::current_exception();
        }
    }
};

struct Parser {
    csv_parser p{};
    Parser() {
        if (csv_init(&p, 0) != 0) throw Error("out of memory while reading a CSV file");
    }
    ~Parser() { csv_free(&p); }
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;
    bool inQuotes() const { return p.pstate == kFieldBegun && p.quoted; }
};

}  // namespace

void readCsvRows(const std::filesystem::path& file, const std::function<void(CsvRow&)>& row) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error("cannot open " + file.string() + " (no such file, or not permitted)");
    Parser parser;
    Reader reader;
    reader.row = &row;
    std::string line;
    long long number = 0, quoteOpenedOn = 0;
    // One line at a time, so the parser's state between lines tells where each row starts.
    while (std::getline(in, line)) {
        ++number;
        if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
        if (!io::isUtf8(line))
            throw Error(file.filename().string() + ", line " + std::to_string(number) +
                        ": the text is not UTF-8; save the file as \"CSV UTF-8\" and import it again");
        line += '\n';
        if (parser.p.pstate == kRowNotBegun) reader.current.line = number;
        bool wasInQuotes = parser.inQuotes();
        if (csv_parse(&parser.p, line.data(), line.size(), &Reader::onCell, &Reader::onRowEnd, &reader) != line.size())
            throw Error(file.filename().string() + ", line " + std::to_string(number) + ": " +
                        csv_strerror(csv_error(&parser.p)));
        if (reader.failure) std::rethrow_exception(reader.failure);
        if (parser.inQuotes() && !wasInQuotes) quoteOpenedOn = number;
    }
    if (in.bad()) throw Error("cannot read " + file.string());
    if (parser.inQuotes())
        throw Error(file.filename().string() + ", line " + std::to_string(quoteOpenedOn) +
                    ": a quoted value starts here and its closing quote (\") is missing");
    csv_fini(&parser.p, &Reader::onCell, &Reader::onRowEnd, &reader);
    if (reader.failure) std::rethrow_exception(reader.failure);
}

}  // namespace tiller::record
