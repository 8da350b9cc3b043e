// Customers imported from a file (SPEC §2.11, issue 7 item 8): CSV, tab-separated text, Excel
// (.xlsx) or vCard, in any encoding, into a chosen category. Every row is checked with the
// Store's rules and rule 004 where the file can answer it, phone numbers are normalised (an
// invalid one is kept as typed and flagged), duplicates of existing customers or of earlier
// rows are reported and left out, and every rejected row is reported with its line and reason.
// The good rows go in as one job in one transaction: a cancel or a failure leaves nothing, and
// a dry run checks and reports exactly the same and keeps nothing. A file that cannot be
// imported at all is refused, naming the file and the line, before anything is written.
#pragma once

#include "core/customer_columns.hpp"
#include "core/customer_file.hpp"
#include "core/customer_rows.hpp"

#include <tiller/clock.hpp>
#include <tiller/jobs/progress.hpp>
#include <tiller/plugin/host.hpp>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace contacts {

struct CustomerImportOptions {
    ReadOptions read;
    ColumnMap map;         // header -> target, beats the guess from the header
    std::string category;  // every row's category (name or code); "" = from the file's column
    bool dryRun = false;
    std::size_t batchRows = 512;  // rows checked for duplicates and written together
};

struct RejectedCustomer {
    long long line = 0;
    std::vector<std::string> cells;
    std::vector<ImportIssue> problems;
    bool duplicate = false;
};

struct CustomerImportReport {
    std::filesystem::path file;
    FileFormat format = FileFormat::csv;
    std::string encoding;
    bool dryRun = false;
    std::string category;                                      // as chosen, "" when from the file
    std::vector<std::string> header;
    std::vector<std::pair<std::string, std::string>> columns;  // header -> target, the columns used
    std::vector<std::string> unknownColumns;                   // left out: nothing answers to them
    std::vector<std::string> notes;                            // sentences about the whole file
    long long rowsRead = 0;
    long long imported = 0;  // customers (that would be, in a dry run)
    long long contacts = 0, addresses = 0;
    long long duplicates = 0;
    long long withoutContact = 0, withoutGender = 0;  // imported; rule 004 asks for them on the card
    std::vector<RejectedCustomer> rejected;  // duplicates included
    std::vector<FlaggedPhone> flagged;       // imported, kept as typed, not valid numbers
};

// What the wizard shows before importing: the file as read, the columns as they would go.
struct ImportPreview {
    FileFormat format = FileFormat::csv;
    std::string encoding;
    std::vector<std::string> header;
    std::vector<SourceRow> rows;
    ColumnPlan plan;
};

class CustomerImport {
public:
    CustomerImport(tiller::plugin::Host& host, const tiller::Clock& clock) : host_(host), clock_(clock) {}

    // The first `rows` rows and the columns' targets. Throws BadImportFile.
    ImportPreview preview(const std::filesystem::path& file, const CustomerImportOptions& options, std::size_t rows = 20);

    // Needs contacts.import. Throws before any change: PermissionDenied, BadImportFile (the
    // file and line), ValidationError (an unknown category, a map sending a column nowhere or
    // two columns to one target, no category chosen or in the file). Throws JobCancelled when
    // `progress` cancels and any database failure, with nothing imported.
    CustomerImportReport run(const std::filesystem::path& file, const CustomerImportOptions& options,
                             tiller::jobs::Progress& progress);

private:
    tiller::plugin::Host& host_;
    const tiller::Clock& clock_;
};

// The rejected rows as CSV (UTF-8 with a byte-order mark): line, reason, then the row's cells
// under the file's own headers, to correct and import again.
void writeImportErrors(const CustomerImportReport& report, const std::filesystem::path& file);

// One line per rejected row and per flagged number, for tiller-cli and the wizard's summary.
std::vector<std::string> reportLines(const CustomerImportReport& report);

}  // namespace contacts
