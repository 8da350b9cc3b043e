#include "core/customer_rows.hpp"

#include "core/import_text.hpp"

#include <tiller/i18n/catalogs.hpp>

#include <algorithm>

namespace contacts {
namespace {

using tiller::record::Field;
using tiller::record::FieldType;
using tiller::record::Input;

constexpr std::size_t kPhoneCacheLimit = 100000;

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

std::string trim(const std::string& s) {
    auto begin = s.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos) return "";
    return s.substr(begin, s.find_last_not_of(" \t\r\n") - begin + 1);
}

std::string asciiLower(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

bool hasHan(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
        auto u = static_cast<unsigned char>(c);
        return u >= 0xE3 && u <= 0xE9;
    });
}

// The spellings of a gender in address books and CRMs, as the contact's field takes them.
std::string gender(const std::string& typed) {
    const std::string g = asciiLower(trim(typed));
    for (const char* male : {"男", "男性", "先生", "m", "male", "man", "mr", "mr."})
        if (g == male) return hasHan(g) ? "男" : "male";
    for (const char* female : {"女", "女性", "女士", "小姐", "f", "female", "woman", "ms", "ms.", "mrs", "mrs.", "miss"})
        if (g == female) return hasHan(g) ? "女" : "female";
    return trim(typed);
}

std::string joinName(const std::string& first, const std::string& middle, const std::string& last) {
    if (hasHan(last + first)) return trim(last) + trim(first);  // 王 + 伟 = 王伟
    std::string out;
    for (const auto* part : {&first, &middle, &last})
        if (!blank(*part)) out += (out.empty() ? "" : " ") + trim(*part);
    return out;
}

std::string joinAddress(const std::map<std::string, std::string>& parts) {
    auto part = [&](const char* key) {
        auto it = parts.find(key);
        return it == parts.end() ? std::string() : trim(it->second);
    };
    std::string street = part("address.street"), city = part("address.city"), region = part("address.region"),
                country = part("address.country");
    std::string out;
    if (hasHan(street + city + region + country)) {  // 省 市 街道, biggest first, no separators
        for (const auto& p : {country, region, city, street})
            if (!p.empty() && out.find(p) == std::string::npos) out += p;
        return out;
    }
    for (const auto& p : {street, city, region, country})
        if (!p.empty()) out += (out.empty() ? "" : ", ") + p;
    return out;
}

}  // namespace

RowChecker::RowChecker(tiller::record::Store& store, const std::vector<std::string>& header, const ColumnPlan& plan,
                       std::optional<long long> categoryId, const PhoneNumbers& numbers)
    : store_(store),
      customer_(store.entity("contacts.customer")),
      contact_(store.entity("contacts.contact")),
      address_(store.entity("contacts.address")),
      header_(header),
      targets_(plan.targets),
      categoryId_(categoryId),
      numbers_(numbers),
      keys_(numbers) {}

std::string RowChecker::columnOf(const std::string& target, const Field* field) const {
    for (std::size_t i = 0; i < targets_.size() && i < header_.size(); ++i)
        if (targets_[i] == target) return header_[i];
    if (target == "contact.name")
        for (std::size_t i = 0; i < targets_.size() && i < header_.size(); ++i)
            if (targets_[i] == "contact.first_name" || targets_[i] == "contact.last_name") return header_[i];
    return field ? tiller::i18n::tr(field->label) : target;
}

// Picklist and user texts become ids once per distinct text: the Store would ask the database
// for every row.
std::string RowChecker::resolve(const Field& field, const std::string& text) {
    if (field.type != FieldType::picklist && field.type != FieldType::user) return text;
    auto& known = resolved_[field.name];
    auto key = trim(text);
    if (auto it = known.find(key); it != known.end()) return it->second;
    std::optional<long long> id = field.type == FieldType::picklist ? store_.dictionaryId(field.dictionary, key) : store_.userId(key);
    std::string answer = id ? std::to_string(*id) : key;
    known.emplace(key, answer);
    return answer;
}

IndexedPhone RowChecker::phone(const std::string& typed) {
    if (auto it = phones_.find(typed); it != phones_.end()) return it->second;
    auto k = keys_.of(typed);
    IndexedPhone p;
    p.typed = typed;
    p.valid = k.valid;
    p.e164 = std::move(k.e164);
    p.key = std::move(k.key);
    p.reason = std::move(k.reason);
    if (phones_.size() >= kPhoneCacheLimit) phones_.clear();
    phones_.emplace(typed, p);
    return p;
}

CheckedRow RowChecker::check(SourceRow& source) {
    CheckedRow row;
    row.line = source.line;
    row.cells = std::move(source.cells);
    if (!source.problem.empty()) {
        row.problems.push_back({"", source.problem});
        return row;
    }
    Input customer, contact;
    std::map<std::string, std::string> address, names;
    bool contactGiven = false;
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
        const std::string& cell = row.cells[i];
        if (i >= targets_.size() || i >= header_.size()) {
            if (!blank(cell))
                row.problems.push_back({"", say(N_("has {1} values but the header names only {2} columns"),
                                                {std::to_string(row.cells.size()), std::to_string(header_.size())})});
            break;
        }
        const std::string& target = targets_[i];
        if (target.empty() || blank(cell)) continue;
        if (cell.find('\0') != std::string::npos) {
            row.problems.push_back({header_[i], say(N_("contains a NUL character, which cannot be stored"))});
            continue;
        }
        if (target.rfind("address", 0) == 0) {
            address[target] = cell;
        } else if (target == "contact.first_name" || target == "contact.middle_name" || target == "contact.last_name") {
            names[target] = cell;
            contactGiven = true;
        } else if (target.rfind("contact.", 0) == 0) {
            std::string field = target.substr(8);
            if (field == "salutation") field = "salutation_id";
            const Field* f = contact_.field(field);
            std::string value = field == "gender" ? gender(cell) : f ? resolve(*f, cell) : cell;
            contact.emplace_back(field, value);
            contactGiven = true;
        } else {
            if (target == "category_id" && categoryId_) continue;  // --category decides for every row
            const Field* f = customer_.field(target);
            customer.emplace_back(target, f ? resolve(*f, cell) : cell);
        }
    }
    if (categoryId_) customer.emplace_back("category_id", std::to_string(*categoryId_));

    // The contact's name from its parts (First Name + Last Name, 姓 + 名).
    auto given = [&](const Input& in, const std::string& field) -> std::string {
        for (const auto& [f, v] : in)
            if (f == field) return v;
        return {};
    };
    if (blank(given(contact, "name")) && !names.empty()) {
        std::string joined = joinName(names["contact.first_name"], names["contact.middle_name"], names["contact.last_name"]);
        if (!joined.empty()) contact.emplace_back("name", joined);
    }
    row.contactName = trim(given(contact, "name"));
    // A person without a company (a private address book) is a customer of their own.
    if (blank(given(customer, "name")) && !row.contactName.empty()) customer.emplace_back("name", row.contactName);
    row.name = trim(given(customer, "name"));

    std::vector<tiller::record::FieldError> errors;
    row.customer = store_.prepareNew("contacts.customer", customer, errors);
    for (const auto& e : errors) {
        const std::string target = e.field;
        row.problems.push_back({columnOf(target, customer_.field(e.field)), tiller::i18n::tr(std::string_view(e.message))});
    }
    row.hasContact = contactGiven;
    if (contactGiven) {
        errors.clear();
        row.contact = store_.prepareNew("contacts.contact", contact, errors);
        for (const auto& e : errors) {
            if (e.field == "customer_id") continue;  // the customer being imported, set when written
            std::string target = e.field == "salutation_id" ? "contact.salutation" : "contact." + e.field;
            row.problems.push_back({columnOf(target, contact_.field(e.field)), tiller::i18n::tr(std::string_view(e.message))});
        }
    }
    // Rule 004 where an import can answer it: a name, a category (Store rules) and a number.
    // A row without a contact or a gender is imported and counted: address books rarely have
    // them, and the card asks for them when the customer is next edited.
    row.missingContact = !contactGiven;
    row.missingGender = contactGiven && blank(given(contact, "gender"));
    if (blank(given(customer, "phone")) && blank(given(customer, "mobile")) && blank(given(contact, "phone")) &&
        blank(given(contact, "mobile")))
        row.problems.push_back({columnOf("mobile", customer_.field("mobile")),
                                say(N_("give a mobile or a phone number, the customer's or the contact's (rule 004)"))});

    if (!address.empty()) {
        Input in;
        std::string text = trim(address.count("address") ? address["address"] : "");
        if (text.empty()) text = joinAddress(address);
        if (!text.empty()) in.emplace_back("address", text);
        if (!blank(address["address.postcode"])) in.emplace_back("postcode", address["address.postcode"]);
        if (!blank(address["address.type"])) in.emplace_back("type_id", resolve(*address_.field("type_id"), address["address.type"]));
        errors.clear();
        row.address = store_.prepareNew("contacts.address", in, errors);
        for (const auto& e : errors) {
            if (e.field == "customer_id") continue;  // the customer being imported
            std::string target = e.field == "type_id" ? "address.type" : e.field == "postcode" ? "address.postcode" : "address";
            row.problems.push_back({columnOf(target, address_.field(e.field)), tiller::i18n::tr(std::string_view(e.message))});
        }
        row.hasAddress = true;
    }
    if (!row.problems.empty()) return row;

    // What the index hooks would read back from the saved rows (record_indexes.cpp): the
    // numbers as stored, normalised for the phone index; a number that is not valid is kept as
    // typed and flagged.
    auto stored = [](const tiller::data::Values& values, const char* column) {
        for (const auto& [c, v] : values)
            if (c == column && std::holds_alternative<std::string>(v)) return std::get<std::string>(v);
        return std::string();
    };
    auto numbers = [&](const tiller::data::Values& values, const tiller::record::Entity& entity, const char* prefix,
                       std::initializer_list<const char*> columns, std::vector<IndexedPhone>& out) {
        for (const char* column : columns) {
            std::string typed = stored(values, column);
            if (blank(typed)) continue;
            IndexedPhone p = phone(typed);
            p.what = std::string_view(column) == "mobile" ? "mobile" : "phone";
            if (!p.valid) row.flagged.push_back({row.line, columnOf(prefix + std::string(column), entity.field(column)), typed, p.reason});
            out.push_back(std::move(p));
        }
    };
    numbers(row.customer, customer_, "", {"phone", "mobile", "fax"}, row.customerPhones);
    row.email = stored(row.customer, "email");
    row.customerTexts = {row.name, stored(row.customer, "phone"), stored(row.customer, "mobile"), stored(row.customer, "fax"), row.email};
    if (row.hasContact) {
        numbers(row.contact, contact_, "contact.", {"phone", "mobile"}, row.contactPhones);
        row.contactEmail = stored(row.contact, "email");
        row.contactName = stored(row.contact, "name");
        row.contactTexts = {row.contactName, stored(row.contact, "phone"), stored(row.contact, "mobile"), row.contactEmail};
    }
    return row;
}

}  // namespace contacts
