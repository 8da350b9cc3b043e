#include <tiller/record/field.hpp>

#include <array>
#include <utility>

namespace tiller::record {
namespace {

constexpr std::array<std::pair<FieldType, std::string_view>, 14> kNames{{
    {FieldType::text, "text"},
    {FieldType::longText, "long_text"},
    {FieldType::integer, "integer"},
    {FieldType::money, "money"},
    {FieldType::date, "date"},
    {FieldType::datetime, "datetime"},
    {FieldType::boolean, "boolean"},
    {FieldType::phone, "phone"},
    {FieldType::email, "email"},
    {FieldType::url, "url"},
    {FieldType::picklist, "picklist"},
    {FieldType::reference, "reference"},
    {FieldType::user, "user"},
    {FieldType::attachments, "attachments"},
}};

std::string describe(const std::vector<FieldError>& errors) {
    std::string text;
    for (const auto& e : errors) text += (text.empty() ? "" : "; ") + e.field + ": " + e.message;
    return text;
}

}  // namespace

std::string_view typeName(FieldType type) {
    for (const auto& [t, name] : kNames)
        if (t == type) return name;
    return "text";
}

std::optional<FieldType> typeFromName(std::string_view name) {
    for (const auto& [t, n] : kNames)
        if (n == name) return t;
    return std::nullopt;
}

std::vector<FieldType> allTypes() {
    std::vector<FieldType> types;
    for (const auto& entry : kNames) types.push_back(entry.first);
    return types;
}

bool hasColumn(FieldType type) { return type != FieldType::attachments; }

bool integerValued(FieldType type) {
    switch (type) {
        case FieldType::integer:
        case FieldType::money:
        case FieldType::datetime:
        case FieldType::boolean:
        case FieldType::picklist:
        case FieldType::reference:
        case FieldType::user: return true;
        default: return false;
    }
}

std::string columnType(FieldType type) {
    switch (type) {
        case FieldType::integer: return "{{id}}";
        case FieldType::money: return "{{money}}";
        case FieldType::datetime: return "{{timestamp}}";
        case FieldType::boolean: return "{{bool}}";
        case FieldType::picklist:
        case FieldType::reference:
        case FieldType::user: return "{{id}}";
        default: return "TEXT";
    }
}

int minorUnits(const std::string& currency) {
    return currency == "JPY" || currency == "KRW" || currency == "VND" ? 1 : 100;
}

InvalidRecord::InvalidRecord(std::vector<FieldError> errors)
    : ValidationError(errors.empty() ? "record" : errors.front().field, describe(errors)),
      errors_(std::move(errors)) {}

}  // namespace tiller::record
