// Duplicates met while importing customers (SPEC §2.10, §2.11): a row whose mobile or phone
// (by its normalised key in the phone index), e-mail address or normalised name (as the
// duplicate check compares names) is already an existing customer's, or an earlier row's of the
// same file, is reported and not imported: never silently doubled. A batch of rows is checked
// with a few indexed IN (...) queries, not one query per row.
#pragma once

#include "core/customer_rows.hpp"

#include <soci/soci.h>

#include <string>
#include <utility>
#include <vector>

namespace contacts {

class ImportDuplicates {
public:
    explicit ImportDuplicates(soci::session& session) : session_(session) {}

    // Adds a problem to every row of `batch` (rows without problems, in file order) that
    // repeats an existing customer or an earlier row. The rows imported before this batch must
    // be in the database already (CustomerWriter::flush).
    void check(const std::vector<CheckedRow*>& batch);
    // The id a row's customer got, so a later row repeating it is told the line.
    void remember(long long line, long long customerId);

private:
    struct Match {
        long long customerId = 0;
        std::string name;
    };
    void probe(const std::string& sql, std::vector<std::string> keys, std::vector<std::pair<std::string, Match>>& found);
    long long lineOf(long long customerId) const;

    soci::session& session_;
    std::vector<std::pair<long long, long long>> lines_;  // customer id -> line, ids rising
};

}  // namespace contacts
