// The rows of a CSV file, each with the file line it starts on, through libcsv: quoted values
// may hold commas, quotes and line breaks, and the line numbers stay those an editor shows.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace tiller::record {

struct CsvRow {
    long long line = 0;  // 1-based
    std::vector<std::string> cells;
};

// Calls `row` for every row in order; blank lines are skipped and a UTF-8 byte-order mark is
// dropped. Throws Error naming the file and the line for a file that cannot be read, text that
// is not UTF-8, or a quoted value that is never closed. Whatever `row` throws ends the reading.
void readCsvRows(const std::filesystem::path& file, const std::function<void(CsvRow&)>& row);

}  // namespace tiller::record
