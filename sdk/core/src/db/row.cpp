#include <tiller/db/row.hpp>

namespace tiller::db {

std::optional<long long> optionalIntegerAt(const soci::row& row, std::size_t column) {
    if (row.get_indicator(column) == soci::i_null) return std::nullopt;
    switch (row.get_properties(column).get_data_type()) {
        case soci::dt_integer: return row.get<int>(column);
        case soci::dt_long_long: return row.get<long long>(column);
        case soci::dt_unsigned_long_long:
            return static_cast<long long>(row.get<unsigned long long>(column));
        case soci::dt_double: return static_cast<long long>(row.get<double>(column));
        default: return std::stoll(row.get<std::string>(column));
    }
}

long long integerAt(const soci::row& row, std::size_t column) {
    return optionalIntegerAt(row, column).value_or(0);
}

std::string textAt(const soci::row& row, std::size_t column) {
    if (row.get_indicator(column) == soci::i_null) return {};
    return row.get<std::string>(column);
}

std::string displayAt(const soci::row& row, std::size_t column) {
    if (row.get_indicator(column) == soci::i_null) return {};
    switch (row.get_properties(column).get_data_type()) {
        case soci::dt_string: return row.get<std::string>(column);
        case soci::dt_double: return std::to_string(row.get<double>(column));
        default: return std::to_string(integerAt(row, column));
    }
}

}  // namespace tiller::db
