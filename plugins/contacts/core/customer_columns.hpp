// Where each column of a customer import file goes (issue 7 item 8). A column is sent to a
// target: a field of the customer ("name", "mobile", "category", "cf_wechat"), of its first
// contact ("contact.name", "contact.first_name", "contact.gender" ...) or a part of its
// address ("address", "address.city", "address.postcode" ...). Headers are recognised in
// Chinese and English, including the exports of address books, mail clients and CRMs
// (客户名称, Company, Mobile Phone, E-mail Address, Business Street, 姓 + 名 ...); a map file or
// the wizard overrides the guess, and unknown columns can be sent to custom fields.
#pragma once

#include <tiller/record/entity.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace contacts {

struct ImportTarget {
    std::string key;    // "mobile", "contact.gender", "address.city", "cf_wechat"
    std::string label;  // in the running language, for the wizard and export headers
    std::string group;  // "customer", "contact", "address", "custom"
};

// Every target a column can go to, customer fields first, then the contact, the address and
// the customer's custom fields (of `customer`, which Store::entity() gives with them).
std::vector<ImportTarget> importTargets(const tiller::record::Entity& customer);

// The target `name` stands for: a target key, or the customer field's name ("category_id"),
// or a custom field's name without "cf_". nullopt when it is none of them.
std::optional<std::string> targetKey(const std::string& name, const tiller::record::Entity& customer);

// The target a header names, in any language Tiller knows; "" when it is not recognised.
std::string guessTarget(const std::string& header, const tiller::record::Entity& customer);

// Column header -> target, as a person chose it ("" leaves the column out).
using ColumnMap = std::map<std::string, std::string>;

// A column map kept in YAML, one `header: target` per line (客户名称: name, 微信: cf_wechat,
// 备用电话: ""). Throws ConfigError naming the file, the line and the key for YAML that does not
// parse, a value that is not a target name, or a target that does not exist.
ColumnMap readColumnMap(const std::filesystem::path& file, const tiller::record::Entity& customer);

struct ColumnPlan {
    std::vector<std::string> targets;  // one per column; "" = left out
    std::vector<bool> guessed;         // the target came from the header, not from the map
    std::vector<std::string> unknown;  // headers nothing answers to (left out, can be mapped)
    std::vector<std::string> notes;    // columns left out because another one took their target
};

// Decides every column: the map first, then the header's meaning. Throws ValidationError
// naming the header when the map sends a column to a target that does not exist, or two
// columns to the same target.
ColumnPlan planColumns(const std::vector<std::string>& header, const ColumnMap& map,
                       const tiller::record::Entity& customer);

// Header text compared without case, spaces, punctuation or required marks:
// "E-mail Address" and "email address" are both "emailaddress", "*客户名称" is "客户名称".
std::string headerKey(const std::string& header);

}  // namespace contacts
