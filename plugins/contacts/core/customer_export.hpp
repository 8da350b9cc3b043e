// The customers of a query written to a file (SPEC §2.11, issue 7 item 8): those the customer
// list shows for a search text, in its order and within the person's data scope, with their
// first contact, first address and custom fields, as CSV (UTF-8 with a byte-order mark, so Excel
// and WPS read the Chinese right), tab-separated text, Excel (.xlsx) or vCard 3.0. The headers
// are the names the import recognises, so an export imports back as it was. Written to a
// temporary file and renamed at the end: a cancel or failure leaves no half-written file.
#pragma once

#include "core/customer_file.hpp"

#include <tiller/clock.hpp>
#include <tiller/jobs/progress.hpp>
#include <tiller/plugin/host.hpp>

#include <filesystem>
#include <string>

namespace contacts {

struct CustomerExportOptions {
    std::string query;  // the list's search text; "" = every customer the person may see
    FileFormat format = FileFormat::csv;
};

// Needs contacts.export. Returns the number of customers written. Throws Error when the file
// cannot be written and JobCancelled when `progress` cancels.
long long exportCustomers(tiller::plugin::Host& host, const tiller::Clock& clock, const CustomerExportOptions& options,
                          const std::filesystem::path& file, tiller::jobs::Progress& progress);

// The format a file name asks for (.csv, .txt, .xlsx, .vcf); nullopt for anything else.
std::optional<FileFormat> exportFormatOf(const std::filesystem::path& file);

}  // namespace contacts
