#include <tiller/record/export.hpp>

#include <tiller/i18n/catalogs.hpp>

#include <csv.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <memory>

namespace tiller::record {
namespace {

struct Target {
    std::filesystem::path file, temporary;
    explicit Target(std::filesystem::path f) : file(std::move(f)), temporary(file) {
        temporary += ".part";
    }
    ~Target() {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);  // only still there when the export failed
    }
    void commit() {
        std::error_code error;
        std::filesystem::rename(temporary, file, error);
        if (error) throw Error("cannot write " + file.string() + ": " + error.message());
    }
};

bool numeric(FieldType t) { return t == FieldType::integer || t == FieldType::money; }

long long writeCsv(RecordPager& pager, const std::filesystem::path& path, jobs::Progress& progress) {
    std::unique_ptr<FILE, int (*)(FILE*)> out(std::fopen(path.c_str(), "wb"), &std::fclose);
    if (!out) throw Error("cannot write " + path.string() + " (missing folder or not permitted)");
    std::fputs("\xEF\xBB\xBF", out.get());
    auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i) std::fputc(',', out.get());
            csv_fwrite(out.get(), cells[i].data(), cells[i].size());
        }
        std::fputs("\r\n", out.get());
    };
    std::vector<std::string> header;
    for (const auto* f : pager.fields()) header.push_back(i18n::tr(f->label));
    line(header);
    long long rows = 0;
    pager.forEach(progress, [&](long long, const std::vector<data::Value>& values) {
        std::vector<std::string> cells;
        for (std::size_t i = 0; i < values.size(); ++i) cells.push_back(pager.store().text(*pager.fields()[i], values[i]));
        line(cells);
        ++rows;
    });
    if (std::fflush(out.get()) != 0 || std::ferror(out.get())) throw Error("cannot write " + path.string() + " (disk full?)");
    return rows;
}

long long writeXlsx(RecordPager& pager, const std::filesystem::path& path, jobs::Progress& progress) {
    lxw_workbook_options options{};
    options.constant_memory = 1;  // rows go to disk as they are written: a million rows fit
    lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
    if (!book) throw Error("cannot write " + path.string() + " (missing folder or not permitted)");
    lxw_worksheet* sheet = workbook_add_worksheet(book, nullptr);
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    lxw_format* money = workbook_add_format(book);
    format_set_num_format(money, "#,##0.00");
    const auto& fields = pager.fields();
    for (std::size_t c = 0; c < fields.size(); ++c) {
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), i18n::tr(fields[c]->label).c_str(), bold);
        worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), 16, nullptr);
    }
    lxw_row_t row = 0;
    try {
        pager.forEach(progress, [&](long long, const std::vector<data::Value>& values) {
            ++row;
            for (std::size_t c = 0; c < values.size(); ++c) {
                const Field& f = *fields[c];
                const auto& v = values[c];
                auto col = static_cast<lxw_col_t>(c);
                if (std::holds_alternative<std::monostate>(v)) continue;
                if (numeric(f.type) && std::holds_alternative<long long>(v)) {
                    double n = static_cast<double>(std::get<long long>(v));
                    if (f.type == FieldType::money) n /= minorUnits(f.currency);
                    worksheet_write_number(sheet, row, col, n, f.type == FieldType::money ? money : nullptr);
                } else {
                    worksheet_write_string(sheet, row, col, pager.store().text(f, v).c_str(), nullptr);
                }
            }
        });
    } catch (...) {
        workbook_close(book);
        throw;
    }
    lxw_error error = workbook_close(book);
    if (error != LXW_NO_ERROR) throw Error("cannot write " + path.string() + ": " + lxw_strerror(error));
    return row;
}

}  // namespace

std::optional<ExportFormat> exportFormatFor(const std::filesystem::path& file) {
    auto ext = file.extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".csv") return ExportFormat::csv;
    if (ext == ".xlsx") return ExportFormat::xlsx;
    return std::nullopt;
}

long long exportList(RecordPager& pager, const std::filesystem::path& file, ExportFormat format, jobs::Progress& progress) {
    Target target(file);
    long long rows = format == ExportFormat::csv ? writeCsv(pager, target.temporary, progress)
                                                 : writeXlsx(pager, target.temporary, progress);
    target.commit();
    return rows;
}

}  // namespace tiller::record
