// Reading SOCI rows the same way on both engines: SQLite and PostgreSQL report integer
// columns with different widths, and NULLs must not throw.
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>

namespace tiller::db {

long long integerAt(const soci::row& row, std::size_t column);
std::optional<long long> optionalIntegerAt(const soci::row& row, std::size_t column);
std::string textAt(const soci::row& row, std::size_t column);  // "" for NULL
// Any column as displayable text (numbers formatted), "" for NULL.
std::string displayAt(const soci::row& row, std::size_t column);

}  // namespace tiller::db
