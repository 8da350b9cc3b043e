// A list declared in YAML (the shell renders it as a virtual list over keyset paging):
//
//   id: hello.greetings
//   entity: hello.greeting
//   label: {en: Greetings, zh_CN: 问候}
//   view: {group: Hello, permission: hello.view, order: 100}   # a navigation entry (optional)
//   form: hello.greeting                                       # opens rows (default: the entity's)
//   columns: [id, {field: name, width: 200}, amount, occasion_id]
//   sort: {field: id, descending: true}                        # an indexed field, or id
//   filters: [name, occasion_id, amount, visit_on]
//   custom_fields: true                                        # enabled custom fields as columns
//   where: [{field: owner_id, op: empty}]                      # always applied, not shown as filters
#pragma once

#include <tiller/record/entity.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace tiller::record {

struct ListColumnDef {
    std::string field;
    int width = 0;  // pixels at 96 dpi; 0 = a width suited to the type
};

// A condition a list always applies (the public pool: no owner). `op` is a record::Op name:
// contains, equals, not_equals, at_least, at_most, between, empty, not_empty.
struct ListCondition {
    std::string field, op, value, value2;
};

struct ListDefinition {
    std::string id, entity, form;
    i18n::Text label;
    bool navigation = false;  // shown in the navigation pane
    i18n::Text group;
    std::string permission;
    int order = 100;
    std::vector<ListColumnDef> columns;
    std::string sortField = "id";
    bool descending = false;
    std::vector<std::string> filters;
    std::vector<ListCondition> where;
    bool customFields = true;
    std::string owner;  // filled in by the Registry
};

// Throws ConfigError (file, line, key), also for fields the entity does not declare and for a
// sort on a field without an index.
ListDefinition parseList(const std::string& yaml, const std::string& source, const std::string& domain,
                         const EntityLookup& entities);
ListDefinition readList(const std::filesystem::path& file, const std::string& domain, const EntityLookup& entities);

// A declared field, or one of the columns every record has (id, created_at, updated_at).
const Field* listField(const Entity& entity, const std::string& name);
// The columns to show: the declared ones, then the enabled custom fields (when asked).
std::vector<ListColumnDef> visibleColumns(const ListDefinition& list, const Entity& entity);
// The positions among visibleColumns() of phone fields (click to dial from a row).
std::vector<std::size_t> phoneColumns(const ListDefinition& list, const Entity& entity);
// Whether a list may sort by `field` fast (an index exists): id and indexed fields.
bool sortable(const Entity& entity, const std::string& field);

}  // namespace tiller::record
