#include "customer_money.hpp"

#include <tiller/errors.hpp>
#include <tiller/record/codec.hpp>


namespace contacts {

namespace {

// Money needs no lookups; parseValue wants something to ask all the same.
struct NoLookups : tiller::record::Lookups {
    std::optional<long long> dictionaryId(const std::string&, const std::string&) override { return std::nullopt; }
    std::optional<long long> recordId(const std::string&, const std::string&) override { return std::nullopt; }
    std::optional<long long> userId(const std::string&) override { return std::nullopt; }
    std::string dictionaryName(long long) override { return ""; }
    std::string recordTitle(const std::string&, long long) override { return ""; }
    std::string userName(long long) override { return ""; }
};

}  // namespace

std::optional<long long> parseAmount(const std::string& text, const std::string& what) {
    tiller::record::Field field;
    field.name = what;
    field.type = tiller::record::FieldType::money;
    field.min = 0;
    NoLookups none;
    auto parsed = tiller::record::parseValue(field, text, none);
    if (!parsed.error.empty()) throw tiller::ValidationError(what, parsed.error);
    if (std::holds_alternative<long long>(parsed.value)) return std::get<long long>(parsed.value);
    return std::nullopt;
}

std::string formatAmount(long long minor) { return tiller::record::formatMoney(minor, "CNY"); }

}  // namespace contacts
