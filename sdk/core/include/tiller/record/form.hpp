// A form declared in YAML, as a model without widgets (tiller_ui renders it):
//
//   id: hello.greeting
//   entity: hello.greeting
//   sections:
//     - label: {en: Greeting, zh_CN: 问候}
//       fields:
//         - name                                     # just the field
//         - {field: amount, show_for: [business]}    # only for these record types
//         - {field: note, read_only_when: {state: [approved, pending]}}
//         - {field: owner_id, read_only: true}
//   custom_fields: true      # the entity's enabled custom fields follow, one section per group
#pragma once

#include <tiller/record/entity.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace tiller::record {

struct FormField {
    std::string field;
    bool readOnly = false;
    std::map<std::string, std::vector<std::string>> readOnlyWhen;  // field -> values that lock it
    std::vector<std::string> showFor;                              // record types; empty = all
};

struct FormSection {
    i18n::Text label;
    std::vector<FormField> fields;
};

struct Form {
    std::string id, entity;
    i18n::Text label;
    std::vector<FormSection> sections;
    bool customFields = true;
    std::string owner;  // filled in by the Registry
};

// Throws ConfigError (file, line, key), also for a field the entity does not declare.
Form parseForm(const std::string& yaml, const std::string& source, const std::string& domain, const EntityLookup& entities);
Form readForm(const std::filesystem::path& file, const std::string& domain, const EntityLookup& entities);

// The sections to show for `entity` (with its custom fields): the declared ones, then one per
// custom-field group. Disabled custom fields are left out.
std::vector<FormSection> layout(const Form& form, const Entity& entity);
// A form with every field in one section, for entities that declare none.
Form defaultForm(const Entity& entity);

// Whether a form field shows for a record of `recordType` ("" = no record type).
bool showsFor(const FormField& field, const std::string& recordType);
// Whether it is read-only given the record's current values as text (field -> text).
bool readOnlyFor(const FormField& field, const Field& declared, const std::map<std::string, std::string>& values);

}  // namespace tiller::record
