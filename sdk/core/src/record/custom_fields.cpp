#include <tiller/record/custom_fields.hpp>

#include <tiller/data/records.hpp>
#include <tiller/db/dialect.hpp>
#include <tiller/db/row.hpp>
#include <tiller/record/entity.hpp>

#include <nlohmann/json.hpp>

#include <regex>

namespace tiller::record {
namespace {

const Entity& declared(plugin::Host& host, const std::string& id) {
    const Entity* e = host.registry().entity(id);
    if (!e) throw NotFound("there is no kind of record called " + id);
    if (!e->customFields) throw ValidationError("entity", e->label.source + " does not take custom fields");
    return *e;
}

i18n::Text labelOf(const std::map<std::string, std::string>& labels, const std::string& fallback) {
    i18n::Text t;
    t.byLanguage = labels;
    t.source = labels.count("en") ? labels.at("en") : labels.empty() ? fallback : labels.begin()->second;
    t.byLanguage["en"] = t.source;
    return t;
}

void checkDraft(const CustomFieldDraft& d) {
    bool anyLabel = false;
    for (const auto& [language, text] : d.labels) anyLabel |= !text.empty();
    if (!anyLabel) throw ValidationError("label", "give the field a name people will read");
    if (d.type == FieldType::attachments) throw ValidationError("type", "attachments cannot be a custom field");
    if (d.type == FieldType::picklist && d.dictionary.empty())
        throw ValidationError("dictionary", "a picklist needs the dictionary kind it takes its values from");
    if (d.type == FieldType::reference && d.references.empty())
        throw ValidationError("references", "a reference needs the kind of record it points to");
}

void createIndex(soci::session& s, const std::string& table, const std::string& column) {
    s << "CREATE INDEX IF NOT EXISTS " + table + "_" + column + " ON " + table + " (" + column + ")";
}

}  // namespace

std::vector<Field> CustomFields::list(const std::string& entity) const {
    return host_.database().withSession([&](soci::session& s) {
        std::vector<Field> out;
        soci::rowset<soci::row> rows =
            (s.prepare << "SELECT name, type, labels, group_name, sort_order, enabled, required, searchable, "
                          "dictionary, refers_to, max_length FROM core_custom_field WHERE entity = :e "
                          "ORDER BY group_name, sort_order, id",
             soci::use(entity));
        for (const auto& r : rows) {
            Field f;
            f.custom = true;
            f.name = db::textAt(r, 0);
            f.type = typeFromName(db::textAt(r, 1)).value_or(FieldType::text);
            std::map<std::string, std::string> labels;
            auto json = nlohmann::json::parse(db::textAt(r, 2));  // kept alive while iterating
            for (const auto& [language, text] : json.items()) labels[language] = text.get<std::string>();
            f.label = labelOf(labels, f.name);
            f.group = db::textAt(r, 3);
            f.order = static_cast<int>(db::integerAt(r, 4));
            f.enabled = db::integerAt(r, 5) != 0;
            f.required = db::integerAt(r, 6) != 0;
            f.searchable = db::integerAt(r, 7) != 0;
            f.indexed = f.searchable;
            f.dictionary = db::textAt(r, 8);
            f.references = db::textAt(r, 9);
            f.maxLength = static_cast<int>(db::integerAt(r, 10));
            out.push_back(std::move(f));
        }
        return out;
    });
}

Field CustomFields::add(const std::string& entityId, const CustomFieldDraft& draft) {
    host_.require("core.fields");
    const Entity& e = declared(host_, entityId);
    static const std::regex identifier("[a-z][a-z0-9_]{0,29}");
    if (!std::regex_match(draft.name, identifier))
        throw ValidationError("name", "'" + draft.name +
                                          "' must be lower case letters, digits and _ (starting with a letter, at most 30)");
    std::string column = columnFor(draft.name);
    if (e.field(draft.name) || e.field(column))
        throw ValidationError("name", "'" + draft.name + "' is already a built-in field of " + e.label.source);
    checkDraft(draft);
    if (draft.type == FieldType::reference && !host_.registry().entity(draft.references))
        throw ValidationError("references", "there is no kind of record called " + draft.references);
    for (const auto& existing : list(entityId))
        if (existing.name == column) throw ValidationError("name", "there is already a custom field '" + draft.name + "'");

    nlohmann::json labels = draft.labels;
    std::string labelsText = labels.dump();
    std::string type(typeName(draft.type));
    long long now = clock_.nowMs();
    auto engine = host_.database().engine();
    host_.database().inTransaction([&](soci::session& s) {
        int enabled = draft.enabled, required = draft.required, searchable = draft.searchable;
        long long id = 0;
        s << "INSERT INTO core_custom_field (entity, name, type, labels, group_name, sort_order, enabled, required, "
             "searchable, dictionary, refers_to, max_length, created_at, updated_at) VALUES (:e, :n, :t, :l, :g, :o, "
             ":en, :rq, :se, :d, :r, :m, :c, :u) RETURNING id",
            soci::use(entityId), soci::use(column), soci::use(type), soci::use(labelsText), soci::use(draft.group),
            soci::use(draft.order), soci::use(enabled), soci::use(required), soci::use(searchable),
            soci::use(draft.dictionary), soci::use(draft.references), soci::use(draft.maxLength), soci::use(now),
            soci::use(now), soci::into(id);
        s << db::renderPortableSql(engine, "ALTER TABLE " + e.table + " ADD COLUMN " + column + " " + columnType(draft.type));
        if (draft.searchable) createIndex(s, e.table, column);
        data::Records(s, host_.actingUser(), now)
            .audit("core.custom_field", id, "create", {{"entity", "", entityId}, {"name", "", column}, {"type", "", type}});
    });
    for (auto& f : list(entityId))
        if (f.name == column) return f;
    throw NotFound("the new field " + column + " was not found after saving it");
}

void CustomFields::change(const std::string& entityId, const std::string& column, const CustomFieldDraft& draft) {
    host_.require("core.fields");
    const Entity& e = declared(host_, entityId);
    Field before;
    bool found = false;
    for (auto& f : list(entityId))
        if (f.name == column) before = f, found = true;
    if (!found) throw NotFound("there is no custom field " + column + " on " + e.label.source);
    if (draft.type != before.type)
        throw ValidationError("type", "the type of a custom field is fixed once it is saved (" + column + " is " +
                                          std::string(typeName(before.type)) + ")");
    if (!draft.name.empty() && columnFor(draft.name) != column && draft.name != column)
        throw ValidationError("name", "the name of a custom field is fixed once it is saved");
    checkDraft(draft);
    nlohmann::json labels = draft.labels;
    std::string labelsText = labels.dump();
    long long now = clock_.nowMs();
    host_.database().inTransaction([&](soci::session& s) {
        int enabled = draft.enabled, required = draft.required, searchable = draft.searchable;
        long long id = 0;
        s << "SELECT id FROM core_custom_field WHERE entity = :e AND name = :n", soci::use(entityId), soci::use(column),
            soci::into(id);
        s << "UPDATE core_custom_field SET labels = :l, group_name = :g, sort_order = :o, enabled = :en, required = :rq, "
             "searchable = :se, max_length = :m, updated_at = :u, version = version + 1 WHERE id = :id",
            soci::use(labelsText), soci::use(draft.group), soci::use(draft.order), soci::use(enabled),
            soci::use(required), soci::use(searchable), soci::use(draft.maxLength), soci::use(now), soci::use(id);
        if (draft.searchable) createIndex(s, e.table, column);
        std::vector<data::FieldChange> changes;
        auto note = [&](const char* what, const std::string& a, const std::string& b) {
            if (a != b) changes.push_back({what, a, b});
        };
        note("label", before.label.source, labelOf(draft.labels, column).source);
        note("group", before.group, draft.group);
        note("order", std::to_string(before.order), std::to_string(draft.order));
        note("enabled", before.enabled ? "true" : "false", draft.enabled ? "true" : "false");
        note("required", before.required ? "true" : "false", draft.required ? "true" : "false");
        note("searchable", before.searchable ? "true" : "false", draft.searchable ? "true" : "false");
        data::Records(s, host_.actingUser(), now).audit("core.custom_field", id, "update", changes);
    });
}

}  // namespace tiller::record
