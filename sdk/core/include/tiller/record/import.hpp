// Records of any declared entity from a CSV file (UTF-8, with or without a byte-order mark, as
// Excel and WPS save it). The header row names the columns: a field's name, its English label or
// any translation of it (custom fields too: "微信", "WeChat" and "cf_wechat" all find cf_wechat),
// or what an explicit map says. Each row is checked with the Store's rules; the good rows are
// inserted, the bad ones reported with their line and each field's reason. Every insert happens
// in one transaction: a cancel or a failure leaves the data as it was.
#pragma once

#include <tiller/jobs/progress.hpp>
#include <tiller/record/store.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace tiller::record {

struct ImportOptions {
    // Column header (as in the file, any case) -> field name; "" leaves the column out. Beats
    // the automatic mapping.
    std::map<std::string, std::string> mapping;
    // Check every row and report as a real import would, but insert nothing.
    bool dryRun = false;
};

struct ImportProblem {
    std::string field;    // the field's name
    std::string column;   // the header of its column, or the field's label when it had none
    std::string message;  // e.g. "'12abc' is not an amount like 1234.50"
};

struct RejectedRow {
    long long line = 0;  // the file line the row starts on (the header is line 1)
    std::vector<std::string> cells;
    std::vector<ImportProblem> problems;
};

struct ImportReport {
    std::string entity;
    bool dryRun = false;
    std::vector<std::string> header;
    std::vector<std::pair<std::string, std::string>> columns;  // header -> field, the columns used
    std::vector<std::string> unknownColumns;                   // headers no field answers to
    long long rowsRead = 0;   // data rows (blank ones are skipped)
    long long imported = 0;   // rows inserted (that would be, in a dry run)
    std::vector<RejectedRow> rejected;
};

// Throws before touching any data: NotFound (entity), PermissionDenied (the entity's edit
// permission), ValidationError (a map naming a field that cannot be imported, two columns for
// one field), Error naming the line for a file that cannot be read, is not UTF-8 or is not CSV
// (an unterminated quote). Throws jobs::JobCancelled when `progress` cancels, with nothing
// imported, and any database failure with nothing imported.
ImportReport importCsv(Store& store, const std::string& entity, const std::filesystem::path& csv,
                       const ImportOptions& options, jobs::Progress& progress);

// The rejected rows as a CSV (UTF-8 with a byte-order mark): line, reason, then the row's cells
// under the file's own headers, so they can be corrected and imported again.
void writeErrorFile(const ImportReport& report, const std::filesystem::path& file);

// A column map kept in YAML, one `header: field` per line ("客户名称: name"). Throws ConfigError
// naming the file and the line.
std::map<std::string, std::string> readImportMap(const std::filesystem::path& file);

}  // namespace tiller::record
