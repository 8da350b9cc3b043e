#include <tiller/record/form.hpp>

#include <tiller/i18n/catalogs.hpp>

#include "../config/yaml_reader.hpp"

#include <algorithm>
#include <optional>
#include <set>

namespace tiller::record {
namespace {

std::vector<std::string> words(const config::YamlReader& r, const YAML::Node& node, const std::string& key) {
    std::vector<std::string> out;
    if (node.IsScalar()) return {node.Scalar()};
    if (!node.IsSequence()) r.fail(node, key, "must be a list of values");
    for (const auto& item : node) out.push_back(r.scalar(item, key));
    return out;
}

FormField readFormField(const config::YamlReader& r, const YAML::Node& node, const Entity& e) {
    FormField ff;
    if (node.IsMap() && !node["field"]) r.fail(node, "field", "each entry needs the field it shows");
    // Not assigned later: yaml-cpp's Node::operator= would overwrite the node it refers to.
    const YAML::Node nameNode = node.IsMap() ? node["field"] : node;
    if (node.IsMap()) {
        r.onlyKeys(node, {"field", "read_only", "read_only_when", "show_for"}, "a form field");
        if (node["read_only"]) ff.readOnly = r.flag(node["read_only"], "read_only");
        if (const auto& when = node["read_only_when"]) {
            if (!when.IsMap()) r.fail(when, "read_only_when", "must be a map of field: [values]");
            for (const auto& entry : when) {
                auto other = entry.first.Scalar();
                if (!e.field(other)) r.fail(entry.first, "read_only_when", "'" + other + "' is not a field of " + e.id);
                ff.readOnlyWhen[other] = words(r, entry.second, "read_only_when");
            }
        }
        if (node["show_for"]) {
            if (e.recordTypeField.empty())
                r.fail(node["show_for"], "show_for", e.id + " has no record_type field, so nothing can show per type");
            ff.showFor = words(r, node["show_for"], "show_for");
        }
    }
    ff.field = r.scalar(nameNode, "field");
    if (!e.field(ff.field)) r.fail(nameNode, "field", "'" + ff.field + "' is not a field of " + e.id);
    return ff;
}

}  // namespace

Form parseForm(const std::string& yaml, const std::string& source, const std::string& domain, const EntityLookup& entities) {
    config::YamlReader r{source};
    YAML::Node root = r.parse(yaml);
    if (!root.IsMap()) throw ConfigError(source, 1, "", "must be a map (id, entity, sections ...)");
    r.onlyKeys(root, {"id", "entity", "label", "sections", "custom_fields"}, "a form");
    for (const char* key : {"id", "entity", "sections"})
        if (!root[key]) throw ConfigError(source, 0, key, "is missing (every form needs it)");
    Form f;
    f.id = r.scalar(root["id"], "id");
    f.entity = r.scalar(root["entity"], "entity");
    const Entity* declared = entities(f.entity);
    if (!declared) r.fail(root["entity"], "entity", "'" + f.entity + "' is not a declared entity");
    const Entity& e = *declared;
    f.label = root["label"] ? r.text(root["label"], "label", domain) : e.label;
    f.customFields = e.customFields;
    if (root["custom_fields"]) f.customFields = r.flag(root["custom_fields"], "custom_fields") && e.customFields;
    const auto& sections = root["sections"];
    if (!sections.IsSequence() || sections.size() == 0) r.fail(sections, "sections", "must be a list of at least one section");
    std::set<std::string> placed;
    for (const auto& s : sections) {
        if (!s.IsMap()) r.fail(s, "sections", "each section must be a map {label, fields}");
        r.onlyKeys(s, {"label", "fields"}, "a section");
        if (!s["fields"] || !s["fields"].IsSequence()) r.fail(s, "fields", "each section needs a list of fields");
        FormSection section;
        if (s["label"]) section.label = r.text(s["label"], "label", domain);
        for (const auto& node : s["fields"]) {
            FormField ff = readFormField(r, node, e);
            if (!placed.insert(ff.field).second) r.fail(node, "field", "'" + ff.field + "' is on the form twice");
            section.fields.push_back(std::move(ff));
        }
        f.sections.push_back(std::move(section));
    }
    return f;
}

Form readForm(const std::filesystem::path& file, const std::string& domain, const EntityLookup& entities) {
    return parseForm(config::YamlReader::readText(file), file.string(), domain, entities);
}

std::vector<FormSection> layout(const Form& form, const Entity& entity) {
    std::vector<FormSection> out;
    for (const auto& s : form.sections) {
        FormSection section{s.label, {}};
        for (const auto& ff : s.fields)
            if (const Field* f = entity.field(ff.field); f && f->enabled) section.fields.push_back(ff);
        if (!section.fields.empty()) out.push_back(std::move(section));
    }
    if (!form.customFields) return out;
    std::vector<const Field*> custom;
    for (const auto& f : entity.fields)
        if (f.custom && f.enabled) custom.push_back(&f);
    std::stable_sort(custom.begin(), custom.end(), [](const Field* a, const Field* b) {
        return a->group != b->group ? a->group < b->group : a->order < b->order;
    });
    std::optional<std::string> group;
    for (const Field* f : custom) {
        if (!group || *group != f->group) {
            // A group name is typed by the administrator in their language: shown as typed.
            out.push_back({f->group.empty() ? i18n::Text(N_("Custom fields"), "tiller") : i18n::Text::given(f->group, {}), {}});
            group = f->group;
        }
        out.back().fields.push_back({f->name, false, {}, {}});
    }
    return out;
}

Form defaultForm(const Entity& entity) {
    Form f;
    f.id = entity.id;
    f.entity = entity.id;
    f.label = entity.label;
    f.customFields = entity.customFields;
    FormSection main{entity.label, {}};
    for (const auto& field : entity.fields)
        if (!field.custom) main.fields.push_back({field.name, field.readOnly, {}, {}});
    f.sections.push_back(std::move(main));
    return f;
}

bool showsFor(const FormField& field, const std::string& recordType) {
    return field.showFor.empty() || std::find(field.showFor.begin(), field.showFor.end(), recordType) != field.showFor.end();
}

bool readOnlyFor(const FormField& field, const Field& declared, const std::map<std::string, std::string>& values) {
    if (field.readOnly || declared.readOnly) return true;
    for (const auto& [other, locking] : field.readOnlyWhen) {
        auto it = values.find(other);
        if (it != values.end() && std::find(locking.begin(), locking.end(), it->second) != locking.end()) return true;
    }
    return false;
}

}  // namespace tiller::record
