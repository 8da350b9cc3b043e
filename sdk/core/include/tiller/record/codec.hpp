// Values as people type and read them, per field type: "1,234.50" is 123450 fen, "2026/3/8"
// is the day 2026-03-08, "是" is true, a picklist name is its value id. The form, the list
// filters and import all use these, so a value means the same thing everywhere.
#pragma once

#include <tiller/data/records.hpp>
#include <tiller/record/field.hpp>

#include <optional>
#include <string>

namespace tiller::record {

// What ids in picklist, reference and user fields stand for, both ways.
class Lookups {
public:
    virtual ~Lookups() = default;
    virtual std::optional<long long> dictionaryId(const std::string& kind, const std::string& text) = 0;
    virtual std::optional<long long> recordId(const std::string& entity, const std::string& text) = 0;
    virtual std::optional<long long> userId(const std::string& text) = 0;
    virtual std::string dictionaryName(long long id) = 0;
    virtual std::string recordTitle(const std::string& entity, long long id) = 0;
    virtual std::string userName(long long id) = 0;
};

struct Parsed {
    data::Value value;   // NULL for empty text
    std::string error;   // "" when the text is acceptable
};

// Converts typed text into the value stored for `field`, checking the field's rules (but not
// `required`: empty text is NULL and the caller decides).
Parsed parseValue(const Field& field, const std::string& text, Lookups& lookups);
// The stored value as people read it ("" for NULL).
std::string formatValue(const Field& field, const data::Value& value, Lookups& lookups);
// 123450 -> "1,234.50" (CNY); the currency's minor units decide the decimals.
std::string formatMoney(long long minor, const std::string& currency);
// Characters, not bytes: "张三" is 2.
std::size_t characterCount(const std::string& utf8);

}  // namespace tiller::record
