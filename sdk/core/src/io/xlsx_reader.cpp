#include <tiller/io/xlsx_reader.hpp>

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <map>
#include <memory>
#include <string_view>
#include <type_traits>

namespace tiller::io {
namespace {

// Excel's widest sheet is XFD: a cell reference past it is damage, not data.
constexpr std::size_t kMaxColumns = 16384;

std::string_view localName(const XML_Char* name) {
    std::string_view n(name);
    auto colon = n.rfind(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

// An attribute by its local name ("id" finds "r:id"); nullptr when absent.
const char* attribute(const XML_Char** attrs, std::string_view name) {
    for (int i = 0; attrs[i] != nullptr; i += 2)
        if (localName(attrs[i]) == name) return attrs[i + 1];
    return nullptr;
}

// What one XML part of the workbook is read for; the callbacks see local names.
class PartReader {
  public:
    virtual ~PartReader() = default;
    virtual void start(std::string_view name, const XML_Char** attrs) = 0;
    virtual void end(std::string_view name) = 0;
    virtual void text(std::string_view) {}
    std::exception_ptr failure;  // what a callback threw: expat is C and cannot carry it
};

struct Archive {
    zip_t* zip = nullptr;
    std::string fileName;
    ~Archive() {
        if (zip) zip_discard(zip);
    }
    bool has(const std::string& part) const { return zip_name_locate(zip, part.c_str(), 0) >= 0; }

    void read(const std::string& part, PartReader& reader) const {
        std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen(zip, part.c_str(), 0),
                                                               zip_fclose);
        if (!file) throw Error(fileName + ": cannot read " + part + " (" + zip_strerror(zip) + ")");
        std::unique_ptr<std::remove_pointer_t<XML_Parser>, void (*)(XML_Parser)> parser(
            XML_ParserCreate("UTF-8"), XML_ParserFree);
        if (!parser) throw Error("out of memory while reading " + fileName);
        XML_SetUserData(parser.get(), &reader);
        XML_SetElementHandler(
            parser.get(),
            [](void* self, const XML_Char* name, const XML_Char** attrs) {
                auto& r = *static_cast<PartReader*>(self);
                if (r.failure) return;
                try {
                    r.start(localName(name), attrs);
                } catch (...) {
                    r.failure = std::current_exception();
                }
            },
            [](void* self, const XML_Char* name) {
                auto& r = *static_cast<PartReader*>(self);
                if (r.failure) return;
                try {
                    r.end(localName(name));
                } catch (...) {
                    r.failure = std::current_exception();
                }
            });
        XML_SetCharacterDataHandler(parser.get(), [](void* self, const XML_Char* s, int length) {
            auto& r = *static_cast<PartReader*>(self);
            if (!r.failure) r.text(std::string_view(s, static_cast<std::size_t>(length)));
        });
        std::array<char, 65536> buffer{};
        for (;;) {
            zip_int64_t got = zip_fread(file.get(), buffer.data(), buffer.size());
            if (got < 0) throw Error(fileName + ": cannot read " + part + " (the zip is damaged)");
            bool last = got == 0;
            if (XML_Parse(parser.get(), buffer.data(), static_cast<int>(got), last) ==
                    XML_STATUS_ERROR &&
                !reader.failure)
                throw Error(fileName + ": " + part + " is damaged (XML line " +
                            std::to_string(XML_GetCurrentLineNumber(parser.get())) + ": " +
                            XML_ErrorString(XML_GetErrorCode(parser.get())) + ")");
            if (reader.failure) std::rethrow_exception(reader.failure);
            if (last) break;
        }
    }
};

// xl/workbook.xml: the relationship id of the first sheet in the workbook's tab order.
struct FirstSheet : PartReader {
    std::string relationship;
    void start(std::string_view name, const XML_Char** attrs) override {
        if (name == "sheet" && relationship.empty())
            if (const char* id = attribute(attrs, "id")) relationship = id;
    }
    void end(std::string_view) override {}
};

// xl/_rels/workbook.xml.rels: relationship id -> part, and the shared strings' part.
struct WorkbookRelations : PartReader {
    std::map<std::string, std::string> targets;
    std::string sharedStrings, styles;
    void start(std::string_view name, const XML_Char** attrs) override {
        if (name != "Relationship") return;
        const char* id = attribute(attrs, "Id");
        const char* target = attribute(attrs, "Target");
        const char* type = attribute(attrs, "Type");
        if (!id || !target) return;
        std::string part = target[0] == '/' ? std::string(target + 1) : "xl/" + std::string(target);
        targets[id] = part;
        std::string_view t = type ? type : "";
        if (t.ends_with("/sharedStrings")) sharedStrings = part;
        if (t.ends_with("/styles")) styles = part;
    }
    void end(std::string_view) override {}
};

// xl/sharedStrings.xml: each <si>'s text, its rich-text runs joined, phonetic guides (<rPh>) left
// out.
struct SharedStrings : PartReader {
    std::vector<std::string> strings;
    std::string current;
    bool inText = false;
    int phonetic = 0;
    void start(std::string_view name, const XML_Char**) override {
        if (name == "si") current.clear();
        if (name == "rPh") ++phonetic;
        if (name == "t") inText = phonetic == 0;
    }
    void end(std::string_view name) override {
        if (name == "t") inText = false;
        if (name == "rPh") --phonetic;
        if (name == "si") strings.push_back(std::move(current));
    }
    void text(std::string_view s) override {
        if (inText) current += s;
    }
};

bool isDateFormatCode(std::string_view code) {
    // Letters inside quotes, brackets ([Red], [$-804]) or after a backslash are literal text.
    bool quoted = false, bracket = false, escaped = false;
    for (char c : code) {
        if (escaped) {
            escaped = false;
        } else if (quoted) {
            quoted = c != '"';
        } else if (bracket) {
            bracket = c != ']';
        } else if (c == '"') {
            quoted = true;
        } else if (c == '[') {
            bracket = true;
        } else if (c == '\\') {
            escaped = true;
        } else if (std::strchr("ymdhsYMDHS", c) != nullptr && c != '\0') {
            return true;
        }
    }
    return false;
}

bool isBuiltInDateFormat(int id) {
    // ECMA-376 18.8.30, plus the East Asian date formats Chinese Excel uses (27-36, 50-58).
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
           (id >= 50 && id <= 58);
}

// xl/styles.xml: which cell styles (the "s" attribute of a cell) show a number as a date.
struct DateStyles : PartReader {
    std::map<int, bool> customFormatIsDate;
    std::vector<bool> styleIsDate;
    bool inCellXfs = false;
    void start(std::string_view name, const XML_Char** attrs) override {
        if (name == "numFmt") {
            const char* id = attribute(attrs, "numFmtId");
            const char* code = attribute(attrs, "formatCode");
            if (id && code) customFormatIsDate[std::atoi(id)] = isDateFormatCode(code);
        } else if (name == "cellXfs") {
            inCellXfs = true;
        } else if (name == "xf" && inCellXfs) {
            const char* id = attribute(attrs, "numFmtId");
            int format = id ? std::atoi(id) : 0;
            auto custom = customFormatIsDate.find(format);
            styleIsDate.push_back(custom != customFormatIsDate.end() ? custom->second
                                                                     : isBuiltInDateFormat(format));
        }
    }
    void end(std::string_view name) override {
        if (name == "cellXfs") inCellXfs = false;
    }
    bool isDate(int style) const {
        return style >= 0 && static_cast<std::size_t>(style) < styleIsDate.size() &&
               styleIsDate[style];
    }
};

struct Worksheet : PartReader {
    const std::function<void(XlsxRow&)>* deliver = nullptr;
    const std::vector<std::string>* shared = nullptr;
    const DateStyles* styles = nullptr;
    std::string where;  // "customers.xlsx" for messages

    XlsxRow row;
    long long lastRow = 0;
    std::size_t column = 0;  // of the current cell, 0 = A
    std::string type, value;
    int style = 0;
    bool inValue = false, inInline = false;
    int phonetic = 0;

    void start(std::string_view name, const XML_Char** attrs) override {
        if (name == "row") {
            const char* r = attribute(attrs, "r");
            row.number = r ? std::atoll(r) : lastRow + 1;
            row.cells.clear();
        } else if (name == "c") {
            const char* r = attribute(attrs, "r");
            const char* t = attribute(attrs, "t");
            const char* s = attribute(attrs, "s");
            column = r ? columnOf(r) : row.cells.size();
            type = t ? t : "n";
            style = s ? std::atoi(s) : 0;
            value.clear();
        } else if (name == "v") {
            inValue = true;
        } else if (name == "is") {
            inInline = true;
        } else if (name == "rPh") {
            ++phonetic;
        } else if (name == "t" && inInline && phonetic == 0) {
            inValue = true;
        }
    }

    void end(std::string_view name) override {
        if (name == "v" || name == "t") {
            inValue = false;
        } else if (name == "is") {
            inInline = false;
        } else if (name == "rPh") {
            --phonetic;
        } else if (name == "c") {
            if (row.cells.size() <= column) row.cells.resize(column + 1);
            row.cells[column] = cell();
        } else if (name == "row") {
            lastRow = row.number;
            bool any = std::any_of(row.cells.begin(), row.cells.end(),
                                   [](const XlsxCell& c) { return c.type != XlsxCellType::Empty; });
            if (any) (*deliver)(row);
        }
    }

    void text(std::string_view s) override {
        if (inValue) value += s;
    }

    std::size_t columnOf(std::string_view reference) const {
        std::size_t index = 0, letters = 0;
        for (char c : reference) {
            if (!std::isalpha(static_cast<unsigned char>(c))) break;
            index = index * 26 +
                    static_cast<std::size_t>(std::toupper(static_cast<unsigned char>(c)) - 'A' + 1);
            if (++letters > 3) break;
        }
        if (letters == 0 || letters > 3 || index > kMaxColumns)
            throw Error(where + ", row " + std::to_string(row.number) + ": the cell reference '" +
                        std::string(reference) + "' is not valid; the workbook is damaged");
        return index - 1;
    }

    XlsxCell cell() const {
        if (type == "s") {
            if (value.empty()) return {};
            auto index = std::strtoull(value.c_str(), nullptr, 10);
            if (index >= shared->size())
                throw Error(where + ", row " + std::to_string(row.number) +
                            ": a cell refers to shared string " + value +
                            ", which the workbook does not hold; the workbook is damaged");
            const std::string& text = (*shared)[index];
            return {text.empty() ? XlsxCellType::Empty : XlsxCellType::Text, text};
        }
        if (value.empty()) return {};
        if (type == "str" || type == "inlineStr") return {XlsxCellType::Text, value};
        if (type == "b") return {XlsxCellType::Boolean, value};
        if (type == "e") return {XlsxCellType::Error, value};
        if (type == "d") return {XlsxCellType::Date, value};  // ISO 8601 text (strict OOXML)
        return {styles->isDate(style) ? XlsxCellType::Date : XlsxCellType::Number, value};
    }
};

}  // namespace

void readXlsxRows(const std::filesystem::path& file, const std::function<void(XlsxRow&)>& row) {
    Archive archive;
    archive.fileName = file.filename().string();
    std::error_code sizeError;
    if (std::filesystem::is_regular_file(file, sizeError) &&
        std::filesystem::file_size(file, sizeError) == 0)
        throw Error(archive.fileName + " is empty: it is not an Excel workbook (.xlsx)");
    int error = 0;
    archive.zip = zip_open(file.c_str(), ZIP_RDONLY, &error);
    if (!archive.zip) {
        if (error == ZIP_ER_NOZIP || error == ZIP_ER_INCONS)
            throw Error(
                archive.fileName +
                " is not an Excel workbook (.xlsx): it is not a zip archive. Open it in Excel "
                "or WPS and save it as \"Excel Workbook (*.xlsx)\", or as CSV.");
        zip_error_t details;
        zip_error_init_with_code(&details, error);
        std::string reason = zip_error_strerror(&details);
        zip_error_fini(&details);
        throw Error("cannot open " + file.string() + " (" + reason + ")");
    }

    WorkbookRelations relations;
    std::string sheetPart;
    if (archive.has("xl/workbook.xml") && archive.has("xl/_rels/workbook.xml.rels")) {
        FirstSheet first;
        archive.read("xl/workbook.xml", first);
        archive.read("xl/_rels/workbook.xml.rels", relations);
        auto target = relations.targets.find(first.relationship);
        if (target != relations.targets.end() && archive.has(target->second))
            sheetPart = target->second;
    }
    if (sheetPart.empty() && archive.has("xl/worksheets/sheet1.xml"))
        sheetPart = "xl/worksheets/sheet1.xml";
    if (sheetPart.empty())
        throw Error(archive.fileName +
                    " holds no worksheet: it is a zip archive but not an Excel workbook (.xlsx)");

    SharedStrings shared;
    std::string sharedPart =
        relations.sharedStrings.empty() ? "xl/sharedStrings.xml" : relations.sharedStrings;
    if (archive.has(sharedPart)) archive.read(sharedPart, shared);
    DateStyles styles;
    std::string stylesPart = relations.styles.empty() ? "xl/styles.xml" : relations.styles;
    if (archive.has(stylesPart)) archive.read(stylesPart, styles);

    Worksheet sheet;
    sheet.deliver = &row;
    sheet.shared = &shared.strings;
    sheet.styles = &styles;
    sheet.where = archive.fileName;
    archive.read(sheetPart, sheet);
}

}  // namespace tiller::io
