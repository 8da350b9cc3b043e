// Fields the administrator adds to an entity that opts in (SPEC §1.4): a column "cf_<name>" on
// the entity's table, described in core_custom_field. They then appear in forms, lists,
// filters, search, import and export with no plugin code. The type is fixed once saved;
// built-in fields are never changed here.
#pragma once

#include <tiller/clock.hpp>
#include <tiller/plugin/host.hpp>
#include <tiller/record/field.hpp>

#include <map>
#include <string>
#include <vector>

namespace tiller::record {

struct CustomFieldDraft {
    std::string name;  // as the administrator typed it, without the cf_ prefix
    FieldType type = FieldType::text;
    std::map<std::string, std::string> labels;  // language -> label; "en" or any one is enough
    std::string group;
    int order = 0;
    bool enabled = true;
    bool required = false;
    bool searchable = false;
    std::string dictionary;  // picklist
    std::string references;  // reference
    int maxLength = 0;
};

class CustomFields {
public:
    CustomFields(plugin::Host& host, const Clock& clock) : host_(host), clock_(clock) {}

    // The entity's custom fields, enabled or not, by group and order. Their names are the
    // columns ("cf_wechat").
    std::vector<Field> list(const std::string& entity) const;
    // Adds the column and the definition in one transaction; needs core.fields. Refuses an
    // entity without custom_fields, a name that is not an identifier or is taken.
    Field add(const std::string& entity, const CustomFieldDraft& draft);
    // Changes labels, group, order, enabled, required, searchable; never the name or the type.
    void change(const std::string& entity, const std::string& column, const CustomFieldDraft& draft);

    static std::string columnFor(const std::string& name) { return "cf_" + name; }

private:
    plugin::Host& host_;
    const Clock& clock_;
};

}  // namespace tiller::record
