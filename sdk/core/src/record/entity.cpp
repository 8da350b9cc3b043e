#include <tiller/record/entity.hpp>

#include "../config/yaml_reader.hpp"

#include <regex>
#include <set>

namespace tiller::record {
namespace {

const std::regex kIdentifier("[a-z][a-z0-9_]{0,39}");
const std::regex kEntityId("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*");

// Columns every entity table has; a declared field may not take their names.
const std::set<std::string> kReserved = {"id", "created_at", "updated_at", "version"};

Field readField(const config::YamlReader& r, const YAML::Node& node, const std::string& domain) {
    if (!node.IsMap()) r.fail(node, "fields", "each field must be a map {name, type, label ...}");
    r.onlyKeys(node, {"name", "type", "label", "required", "searchable", "indexed", "read_only", "max_length",
                      "min", "max", "pattern", "pattern_message", "dictionary", "references", "currency"},
               "a field");
    Field f;
    if (!node["name"]) r.fail(node, "name", "every field needs a name");
    f.name = r.scalar(node["name"], "name");
    if (!std::regex_match(f.name, kIdentifier))
        r.fail(node["name"], "name", "'" + f.name + "' must be lower case letters, digits and _ (starting with a letter)");
    if (kReserved.count(f.name)) r.fail(node["name"], "name", "'" + f.name + "' is a column every record has");
    if (!node["type"]) r.fail(node, "type", "field '" + f.name + "' needs a type");
    auto typeText = r.scalar(node["type"], "type");
    auto type = typeFromName(typeText);
    if (!type) {
        std::string names;
        for (auto t : allTypes()) names += (names.empty() ? "" : ", ") + std::string(typeName(t));
        r.fail(node["type"], "type", "'" + typeText + "' is not a field type (" + names + ")");
    }
    f.type = *type;
    f.label = node["label"] ? r.text(node["label"], "label", domain) : i18n::Text(f.name, domain);
    if (node["required"]) f.required = r.flag(node["required"], "required");
    if (node["searchable"]) f.searchable = r.flag(node["searchable"], "searchable");
    if (node["indexed"]) f.indexed = r.flag(node["indexed"], "indexed");
    if (node["read_only"]) f.readOnly = r.flag(node["read_only"], "read_only");
    if (node["max_length"]) f.maxLength = static_cast<int>(r.integer(node["max_length"], "max_length"));
    // Money limits are written in major units (yuan); kept in minor units like the values.
    long long scale = f.type == FieldType::money ? minorUnits(f.currency) : 1;
    if (node["currency"]) {
        f.currency = r.scalar(node["currency"], "currency");
        if (!std::regex_match(f.currency, std::regex("[A-Z]{3}")))
            r.fail(node["currency"], "currency", "'" + f.currency + "' is not a currency code like CNY");
        scale = f.type == FieldType::money ? minorUnits(f.currency) : 1;
    }
    if (node["min"]) f.min = r.integer(node["min"], "min") * scale;
    if (node["max"]) f.max = r.integer(node["max"], "max") * scale;
    if (node["pattern"]) {
        f.pattern = r.scalar(node["pattern"], "pattern");
        try {
            std::regex check(f.pattern);
        } catch (const std::regex_error&) {
            r.fail(node["pattern"], "pattern", "'" + f.pattern + "' is not a regular expression");
        }
    }
    if (node["pattern_message"]) f.patternMessage = r.text(node["pattern_message"], "pattern_message", domain);
    if (f.type == FieldType::picklist) {
        if (!node["dictionary"]) r.fail(node, "dictionary", "picklist field '" + f.name + "' needs a dictionary kind");
        f.dictionary = r.scalar(node["dictionary"], "dictionary");
    } else if (node["dictionary"]) {
        r.fail(node["dictionary"], "dictionary", "only a picklist field takes a dictionary");
    }
    if (f.type == FieldType::reference) {
        if (!node["references"]) r.fail(node, "references", "reference field '" + f.name + "' needs the entity it points to");
        f.references = r.scalar(node["references"], "references");
        if (!std::regex_match(f.references, kEntityId))
            r.fail(node["references"], "references", "'" + f.references + "' is not an entity id like plugin.name");
    } else if (node["references"]) {
        r.fail(node["references"], "references", "only a reference field takes references");
    }
    return f;
}

// A setting that names one of the declared fields, of one of `types` if given.
std::string fieldRef(const config::YamlReader& r, const YAML::Node& root, const std::string& key, const Entity& e,
                     std::set<FieldType> types = {}) {
    if (!root[key]) return "";
    auto name = r.scalar(root[key], key);
    const Field* f = e.field(name);
    if (!f) r.fail(root[key], key, "'" + name + "' is not one of the fields declared below");
    if (!types.empty() && !types.count(f->type)) r.fail(root[key], key, "'" + name + "' has the wrong type for " + key);
    return name;
}

}  // namespace

const Field* Entity::field(const std::string& name) const {
    for (const auto& f : fields)
        if (f.name == name) return &f;
    return nullptr;
}

std::vector<const Field*> Entity::searchableFields() const {
    std::vector<const Field*> out;
    for (const auto& f : fields)
        if ((f.searchable || f.name == titleField) && f.enabled && hasColumn(f.type)) out.push_back(&f);
    return out;
}

Entity parseEntity(const std::string& yaml, const std::string& source, const std::string& domain) {
    config::YamlReader r{source};
    YAML::Node root = r.parse(yaml);
    if (!root.IsMap()) throw ConfigError(source, 1, "", "must be a map (id, table, fields ...)");
    r.onlyKeys(root, {"id", "table", "label", "title", "owner", "record_type", "state", "custom_fields", "permissions", "public_pool", "fields"},
               "an entity");
    Entity e;
    for (const char* key : {"id", "table", "fields"})
        if (!root[key]) throw ConfigError(source, 0, key, "is missing (every entity needs it)");
    e.id = r.scalar(root["id"], "id");
    if (!std::regex_match(e.id, kEntityId)) r.fail(root["id"], "id", "'" + e.id + "' must look like plugin.name");
    e.table = r.scalar(root["table"], "table");
    if (!std::regex_match(e.table, kIdentifier)) r.fail(root["table"], "table", "'" + e.table + "' is not a table name");
    e.label = root["label"] ? r.text(root["label"], "label", domain) : i18n::Text(e.id, domain);
    if (root["custom_fields"]) e.customFields = r.flag(root["custom_fields"], "custom_fields");
    if (const auto& p = root["permissions"]) {
        if (!p.IsMap()) r.fail(p, "permissions", "must be {view: KEY, edit: KEY, delete: KEY}");
        r.onlyKeys(p, {"view", "edit", "delete"}, "permissions");
        if (p["delete"]) e.deletePermission = r.scalar(p["delete"], "delete");
        if (p["view"]) e.viewPermission = r.scalar(p["view"], "view");
        if (p["edit"]) e.editPermission = r.scalar(p["edit"], "edit");
    }
    const auto& fields = root["fields"];
    if (!fields.IsSequence() || fields.size() == 0) r.fail(fields, "fields", "must be a list of at least one field");
    std::set<std::string> seen;
    for (const auto& node : fields) {
        Field f = readField(r, node, domain);
        if (!seen.insert(f.name).second) r.fail(node["name"], "name", "field '" + f.name + "' is declared twice");
        e.fields.push_back(std::move(f));
    }
    e.titleField = fieldRef(r, root, "title", e, {FieldType::text, FieldType::phone, FieldType::email, FieldType::integer});
    if (e.titleField.empty()) e.titleField = e.fields.front().name;
    e.ownerField = fieldRef(r, root, "owner", e, {FieldType::user});
    e.recordTypeField = fieldRef(r, root, "record_type", e, {FieldType::text, FieldType::picklist});
    e.stateField = fieldRef(r, root, "state", e, {FieldType::text});
    if (root["public_pool"]) {
        e.publicPool = r.flag(root["public_pool"], "public_pool");
        if (e.publicPool && e.ownerField.empty()) r.fail(root["public_pool"], "public_pool", "needs an owner field (owner: ...)");
    }
    return e;
}

Entity readEntity(const std::filesystem::path& file, const std::string& domain) {
    return parseEntity(config::YamlReader::readText(file), file.string(), domain);
}

}  // namespace tiller::record
