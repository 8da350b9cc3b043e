#include <tiller/record/codec.hpp>

#include <tiller/i18n/catalogs.hpp>
#include <tiller/util/time_text.hpp>

#include <algorithm>
#include <regex>

namespace tiller::record {
namespace {

std::string trim(const std::string& s) {
    auto begin = s.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos) return "";
    auto end = s.find_last_not_of(" \t\r\n");
    return s.substr(begin, end - begin + 1);
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::optional<long long> wholeNumber(const std::string& text) {
    static const std::regex number(R"([+-]?\d{1,18})");
    std::string digits;
    for (char c : text)
        if (c != ',' && c != ' ') digits += c;
    if (!std::regex_match(digits, number)) return std::nullopt;
    return std::stoll(digits);
}

// "¥1,234.5" -> 123450 for 100 minor units; nullopt when it is not an amount.
std::optional<long long> amount(const std::string& text, int minor) {
    std::string s;
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == ',' || c == ' ' || c == '$' || c == 0xA5) continue;  // separators, $, latin-1 yen
        if (text.compare(i, 2, "\xC2\xA5") == 0 || text.compare(i, 3, "\xEF\xBF\xA5") == 0) {  // ¥ and ￥
            i += text.compare(i, 2, "\xC2\xA5") == 0 ? 1 : 2;
            continue;
        }
        s += static_cast<char>(c);
    }
    static const std::regex shape(R"(([+-]?)(\d{1,15})(?:\.(\d*))?)");
    std::smatch m;
    if (!std::regex_match(s, m, shape)) return std::nullopt;
    int decimals = minor == 1 ? 0 : minor == 10 ? 1 : 2;
    std::string fraction = m[3];
    if (static_cast<int>(fraction.size()) > decimals) return std::nullopt;
    fraction.resize(static_cast<std::size_t>(decimals), '0');
    long long value = std::stoll(m[2]) * minor + (fraction.empty() ? 0 : std::stoll(fraction));
    return m[1] == "-" ? -value : value;
}

std::optional<bool> truth(const std::string& text) {
    std::string t = lower(text);
    for (const char* yes : {"true", "yes", "y", "1", "on", "\xe6\x98\xaf", "\xe6\x98\xaf\xe7\x9a\x84"})  // 是, 是的
        if (t == yes) return true;
    for (const char* no : {"false", "no", "n", "0", "off", "\xe5\x90\xa6", "\xe4\xb8\x8d\xe6\x98\xaf"})  // 否, 不是
        if (t == no) return false;
    return std::nullopt;
}

std::string checkText(const Field& f, const std::string& text) {
    if (f.maxLength > 0 && characterCount(text) > static_cast<std::size_t>(f.maxLength))
        return "is longer than " + std::to_string(f.maxLength) + " characters";
    if (!f.pattern.empty() && !std::regex_match(text, std::regex(f.pattern)))
        return f.patternMessage.empty() ? "is not in the expected form" : f.patternMessage.source;
    return "";
}

std::string checkRange(const Field& f, long long value) {
    auto show = [&](long long v) {
        return f.type == FieldType::money ? formatMoney(v, f.currency) : std::to_string(v);
    };
    if (f.min && value < *f.min) return "must be at least " + show(*f.min);
    if (f.max && value > *f.max) return "must be at most " + show(*f.max);
    return "";
}

Parsed id(std::optional<long long> found, const std::string& what, const std::string& text) {
    if (!found) return {{}, "'" + text + "' is not " + what};
    return {*found, ""};
}

}  // namespace

std::size_t characterCount(const std::string& utf8) {
    return static_cast<std::size_t>(
        std::count_if(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string formatMoney(long long minor, const std::string& currency) {
    int units = minorUnits(currency);
    bool negative = minor < 0;
    unsigned long long v = negative ? static_cast<unsigned long long>(-minor) : static_cast<unsigned long long>(minor);
    std::string whole = std::to_string(v / static_cast<unsigned long long>(units));
    for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) whole.insert(static_cast<std::size_t>(i), ",");
    std::string text = (negative ? "-" : "") + whole;
    if (units == 100) {
        char cents[4];
        std::snprintf(cents, sizeof cents, "%02llu", v % 100);
        text += std::string(".") + cents;
    }
    return text;
}

Parsed parseValue(const Field& f, const std::string& raw, Lookups& lookups) {
    std::string text = f.type == FieldType::longText ? raw : trim(raw);
    if (trim(text).empty()) return {};
    switch (f.type) {
        case FieldType::text:
        case FieldType::longText: {
            auto error = checkText(f, text);
            return {error.empty() ? data::Value(text) : data::Value(), error};
        }
        case FieldType::integer: {
            auto n = wholeNumber(text);
            if (!n) return {{}, "'" + text + "' is not a whole number"};
            auto error = checkRange(f, *n);
            return {error.empty() ? data::Value(*n) : data::Value(), error};
        }
        case FieldType::money: {
            auto n = amount(text, minorUnits(f.currency));
            if (!n) return {{}, "'" + text + "' is not an amount like 1234.50"};
            auto error = checkRange(f, *n);
            return {error.empty() ? data::Value(*n) : data::Value(), error};
        }
        case FieldType::date: {
            auto day = util::parseDate(text);
            if (!day) return {{}, "'" + text + "' is not a date like 2026-03-08"};
            return {*day, ""};
        }
        case FieldType::datetime: {
            auto at = util::parseLocalDateTime(text);
            if (!at) return {{}, "'" + text + "' is not a time like 2026-03-08 14:30"};
            return {*at, ""};
        }
        case FieldType::boolean: {
            auto b = truth(text);
            if (!b) return {{}, "'" + text + "' is not yes or no"};
            return {*b ? 1LL : 0LL, ""};
        }
        case FieldType::phone: {
            // Numbers are normalised by the contacts plugin (libphonenumber); here only the
            // shape is checked: digits and the usual separators, an optional + and extension.
            static const std::regex shape(R"(\+?[\d\s\-().]{3,30}(\s*(ext\.?|x|#|转)\s*\d{1,6})?)");
            int digits = static_cast<int>(std::count_if(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }));
            if (!std::regex_match(text, shape) || digits < 3) return {{}, "'" + text + "' is not a phone number"};
            return {text, checkText(f, text)};
        }
        case FieldType::email: {
            static const std::regex shape(R"([^@\s]+@[^@\s.]+(\.[^@\s.]+)+)");
            if (!std::regex_match(text, shape)) return {{}, "'" + text + "' is not an e-mail address"};
            auto at = text.find('@');
            return {text.substr(0, at) + lower(text.substr(at)), checkText(f, text)};
        }
        case FieldType::url: {
            std::string url = text;
            if (!std::regex_search(url, std::regex("^[a-zA-Z][a-zA-Z0-9+.-]*:"))) url = "https://" + url;
            static const std::regex shape(R"((https?|ftp)://[^\s/$.?#][^\s]*)", std::regex::icase);
            if (!std::regex_match(url, shape)) return {{}, "'" + text + "' is not a web address"};
            return {url, checkText(f, url)};
        }
        case FieldType::picklist: {
            if (auto n = wholeNumber(text); n && lookups.dictionaryName(*n) != "") return {*n, ""};
            return id(lookups.dictionaryId(f.dictionary, text), "one of the values of this list", text);
        }
        case FieldType::reference: {
            if (auto n = wholeNumber(text); n && !lookups.recordTitle(f.references, *n).empty()) return {*n, ""};
            return id(lookups.recordId(f.references, text), "a record you can choose here", text);
        }
        case FieldType::user: {
            if (auto n = wholeNumber(text); n && !lookups.userName(*n).empty()) return {*n, ""};
            return id(lookups.userId(text), "a user's login or name", text);
        }
        case FieldType::attachments: return {{}, "files are attached, not typed"};
    }
    return {};
}

std::string formatValue(const Field& f, const data::Value& value, Lookups& lookups) {
    if (std::holds_alternative<std::monostate>(value)) return "";
    if (std::holds_alternative<std::string>(value)) return std::get<std::string>(value);
    long long n = std::get<long long>(value);
    switch (f.type) {
        case FieldType::money: return formatMoney(n, f.currency);
        case FieldType::datetime: return util::localDateTime(n);
        case FieldType::boolean: return n ? i18n::tr("Yes") : i18n::tr("No");
        case FieldType::picklist: return lookups.dictionaryName(n);
        case FieldType::reference: return lookups.recordTitle(f.references, n);
        case FieldType::user: return lookups.userName(n);
        default: return std::to_string(n);
    }
}

}  // namespace tiller::record
