// The current query of a list, written to a file people open in Excel or WPS: CSV (UTF-8 with a
// byte-order mark, so Chinese opens right) through libcsv, xlsx through libxlsxwriter. Written
// to a temporary file beside the target and renamed at the end: a cancelled or failed export
// leaves no half-written file and never damages an existing one.
#pragma once

#include <tiller/jobs/progress.hpp>
#include <tiller/record/pager.hpp>

#include <filesystem>

namespace tiller::record {

enum class ExportFormat { csv, xlsx };

// Returns the number of rows written. Throws Error when the file cannot be written and
// jobs::JobCancelled when `progress` cancels.
long long exportList(RecordPager& pager, const std::filesystem::path& file, ExportFormat format, jobs::Progress& progress);

// The format a file name asks for (".csv", ".xlsx"); nullopt for anything else.
std::optional<ExportFormat> exportFormatFor(const std::filesystem::path& file);

}  // namespace tiller::record
