#include <tiller/record/list.hpp>

#include <tiller/i18n/catalogs.hpp>
#include <tiller/record/query.hpp>

#include "../config/yaml_reader.hpp"


namespace tiller::record {
namespace {

const std::vector<Field>& commonFields() {
    static const std::vector<Field> fields = [] {
        auto make = [](const char* name, FieldType type, const char* label) {
            Field f;
            f.name = name;
            f.type = type;
            f.label = i18n::Text(label, "tiller");
            f.readOnly = true;
            return f;
        };
        Field id = make("id", FieldType::integer, N_("No."));
        id.indexed = true;
        return std::vector<Field>{id, make("created_at", FieldType::datetime, N_("Created")),
                                  make("updated_at", FieldType::datetime, N_("Changed"))};
    }();
    return fields;
}

std::string fieldName(const config::YamlReader& r, const YAML::Node& node, const std::string& key, const Entity& e) {
    auto name = r.scalar(node, key);
    if (!listField(e, name)) r.fail(node, key, "'" + name + "' is not a field of " + e.id);
    return name;
}

}  // namespace

const Field* listField(const Entity& entity, const std::string& name) {
    if (const Field* f = entity.field(name)) return f;
    for (const auto& f : commonFields())
        if (f.name == name) return &f;
    return nullptr;
}

bool sortable(const Entity& entity, const std::string& field) {
    const Field* f = listField(entity, field);
    return f && f->indexed && hasColumn(f->type);
}

ListDefinition parseList(const std::string& yaml, const std::string& source, const std::string& domain,
                         const EntityLookup& entities) {
    config::YamlReader r{source};
    YAML::Node root = r.parse(yaml);
    if (!root.IsMap()) throw ConfigError(source, 1, "", "must be a map (id, entity, columns ...)");
    r.onlyKeys(root, {"id", "entity", "label", "view", "form", "columns", "sort", "filters", "custom_fields", "where"}, "a list");
    for (const char* key : {"id", "entity", "columns"})
        if (!root[key]) throw ConfigError(source, 0, key, "is missing (every list needs it)");
    ListDefinition l;
    l.id = r.scalar(root["id"], "id");
    l.entity = r.scalar(root["entity"], "entity");
    const Entity* declared = entities(l.entity);
    if (!declared) r.fail(root["entity"], "entity", "'" + l.entity + "' is not a declared entity");
    const Entity& e = *declared;
    l.label = root["label"] ? r.text(root["label"], "label", domain) : e.label;
    l.form = root["form"] ? r.scalar(root["form"], "form") : e.id;
    l.customFields = e.customFields;
    if (root["custom_fields"]) l.customFields = r.flag(root["custom_fields"], "custom_fields") && e.customFields;
    if (const auto& v = root["view"]) {
        if (!v.IsMap()) r.fail(v, "view", "must be {group, permission, order}");
        r.onlyKeys(v, {"group", "permission", "order"}, "view");
        l.navigation = true;
        if (v["group"]) l.group = r.text(v["group"], "group", domain);
        if (v["permission"]) l.permission = r.scalar(v["permission"], "permission");
        if (v["order"]) l.order = static_cast<int>(r.integer(v["order"], "order"));
    }
    const auto& columns = root["columns"];
    if (!columns.IsSequence() || columns.size() == 0) r.fail(columns, "columns", "must be a list of at least one column");
    for (const auto& c : columns) {
        ListColumnDef col;
        if (c.IsMap()) {
            r.onlyKeys(c, {"field", "width"}, "a column");
            if (!c["field"]) r.fail(c, "field", "each column needs a field");
            col.field = fieldName(r, c["field"], "field", e);
            if (c["width"]) col.width = static_cast<int>(r.integer(c["width"], "width"));
        } else {
            col.field = fieldName(r, c, "columns", e);
        }
        if (!hasColumn(listField(e, col.field)->type)) r.fail(c, "columns", "'" + col.field + "' (attachments) cannot be a column");
        l.columns.push_back(col);
    }
    if (const auto& sort = root["sort"]) {
        if (!sort.IsMap() || !sort["field"]) r.fail(sort, "sort", "must be {field, descending}");
        r.onlyKeys(sort, {"field", "descending"}, "sort");
        l.sortField = fieldName(r, sort["field"], "sort", e);
        if (!sortable(e, l.sortField))
            r.fail(sort["field"], "sort", "'" + l.sortField + "' has no index (declare it indexed: true, with an index in a migration)");
        if (sort["descending"]) l.descending = r.flag(sort["descending"], "descending");
    }
    if (const auto& filters = root["filters"]) {
        if (!filters.IsSequence()) r.fail(filters, "filters", "must be a list of fields");
        for (const auto& f : filters) l.filters.push_back(fieldName(r, f, "filters", e));
    }
    if (const auto& where = root["where"]) {
        if (!where.IsSequence()) r.fail(where, "where", "must be a list of {field, op, value}");
        for (const auto& c : where) {
            if (!c.IsMap() || !c["field"] || !c["op"]) r.fail(c, "where", "each condition needs a field and an op");
            r.onlyKeys(c, {"field", "op", "value", "value2"}, "a condition");
            ListCondition condition;
            condition.field = fieldName(r, c["field"], "field", e);
            condition.op = r.scalar(c["op"], "op");
            if (!opFromName(condition.op))
                r.fail(c["op"], "op", "'" + condition.op + "' is not one of contains, equals, not_equals, at_least, at_most, between, empty, not_empty");
            if (c["value"]) condition.value = r.scalar(c["value"], "value");
            if (c["value2"]) condition.value2 = r.scalar(c["value2"], "value2");
            l.where.push_back(std::move(condition));
        }
    }
    return l;
}

ListDefinition readList(const std::filesystem::path& file, const std::string& domain, const EntityLookup& entities) {
    return parseList(config::YamlReader::readText(file), file.string(), domain, entities);
}

std::vector<ListColumnDef> visibleColumns(const ListDefinition& list, const Entity& entity) {
    std::vector<ListColumnDef> out;
    for (const auto& c : list.columns)
        if (const Field* f = listField(entity, c.field); f && f->enabled) out.push_back(c);
    if (list.customFields)
        for (const auto& f : entity.fields)
            if (f.custom && f.enabled && hasColumn(f.type)) out.push_back({f.name, 0});
    return out;
}

std::vector<std::size_t> phoneColumns(const ListDefinition& list, const Entity& entity) {
    std::vector<std::size_t> out;
    auto columns = visibleColumns(list, entity);
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (const Field* f = listField(entity, columns[i].field); f && f->type == FieldType::phone) out.push_back(i);
    return out;
}

}  // namespace tiller::record
