// One field of a record: its column, its type and the rules a value must keep. Declared in an
// entity's YAML by a plugin, or added by the administrator as a custom field (SPEC §1.4).
#pragma once

#include <tiller/errors.hpp>
#include <tiller/i18n/text.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tiller::record {

enum class FieldType {
    text,
    longText,
    integer,
    money,        // integer minor units (fen, cents) of `currency`
    date,         // a calendar day, stored "YYYY-MM-DD"
    datetime,     // UTC epoch milliseconds, shown in local time
    boolean,
    phone,
    email,
    url,
    picklist,     // a value id of dictionary kind `dictionary`
    reference,    // a record id of entity `references`
    user,         // a core_user id
    attachments,  // files kept in core_attachment; no column of its own
};

// The names used in YAML and in the custom-field screen: text, long_text, integer, money ...
std::string_view typeName(FieldType type);
std::optional<FieldType> typeFromName(std::string_view name);
std::vector<FieldType> allTypes();
// Whether the type is stored in a column of the entity's table (all but attachments).
bool hasColumn(FieldType type);
// Whether the column holds an integer (amounts in fen, times in ms, flags, ids), else text.
bool integerValued(FieldType type);
// The column type in portable SQL (see tiller/db/dialect.hpp).
std::string columnType(FieldType type);

struct Field {
    std::string name;  // the column; [a-z][a-z0-9_]*
    FieldType type = FieldType::text;
    i18n::Text label;
    bool required = false;
    bool searchable = false;  // the list's search box and the reference picker look here
    bool indexed = false;     // the table has an index on it: lists may sort by it
    bool readOnly = false;    // kept by the program (a state, a number), never typed in
    int maxLength = 0;        // text types: at most this many characters; 0 = no limit
    std::optional<long long> min, max;  // integer; money in minor units
    std::string pattern;                // text types: a regular expression the whole value matches
    i18n::Text patternMessage;          // what to tell the person when it does not
    std::string dictionary;             // picklist: the dictionary kind
    std::string references;             // reference: the entity id
    std::string currency = "CNY";       // money
    // Custom fields only (SPEC §1.4).
    bool custom = false;
    bool enabled = true;
    std::string group;
    int order = 0;
};

// Minor units per major unit of a currency (100 for CNY, 1 for JPY).
int minorUnits(const std::string& currency);

// A value a person gave that a field does not accept.
struct FieldError {
    std::string field;    // the field's name
    std::string message;  // complete sentence in English; the UI translates the parts it knows
};

// Several fields of one record were refused; what() lists them all, field() is the first.
class InvalidRecord : public ValidationError {
public:
    explicit InvalidRecord(std::vector<FieldError> errors);
    const std::vector<FieldError>& errors() const { return errors_; }

private:
    std::vector<FieldError> errors_;
};

}  // namespace tiller::record
