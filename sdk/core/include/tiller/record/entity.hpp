// A kind of record a plugin keeps (a greeting, a customer, an order), declared in YAML:
//
//   id: hello.greeting
//   table: hello_greeting            # created by the plugin's migrations
//   label: {en: Greeting, zh_CN: 问候}
//   title: name                      # the field that names a record (reference pickers, titles)
//   owner: owner_id                  # the user field the data scope applies to (optional)
//   record_type: kind                # a field whose value decides which form fields show (optional)
//   state: state                     # set by approval flows when they finish (optional)
//   custom_fields: true              # the administrator may add fields
//   permissions: {view: hello.view, edit: hello.greet, delete: hello.delete}   # delete: edit's when not given
//   public_pool: true                # records without an owner are seen by all who may view (SPEC §2.7)
//   fields:
//     - {name: name, type: text, label: Name, required: true, searchable: true, indexed: true, max_length: 80}
//     - {name: amount, type: money, currency: CNY, min: 0}
//     - {name: occasion_id, type: picklist, dictionary: hello.occasion}
//
// Every table behind an entity has id, created_at, updated_at and version columns (see
// data::Records); they are not declared here.
#pragma once

#include <tiller/record/field.hpp>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace tiller::record {

struct Entity {
    std::string id;
    std::string table;
    i18n::Text label;
    std::string titleField;
    std::string ownerField;
    std::string recordTypeField;
    std::string stateField;
    bool customFields = false;
    std::string viewPermission, editPermission;
    std::string deletePermission;  // needed as well as the edit permission to delete ("" = none more)
    bool publicPool = false;       // records without an owner are visible whatever the data scope
    std::vector<Field> fields;  // built-in fields first, then custom ones (Store::entity)
    std::string owner;          // the contributing plugin, filled in by the Registry

    const Field* field(const std::string& name) const;
    // Fields the search box looks in: searchable ones (the title field at least).
    std::vector<const Field*> searchableFields() const;
};

// Finds a declared entity by id (nullptr when there is none); forms and lists name theirs.
using EntityLookup = std::function<const Entity*(const std::string&)>;

// Throws ConfigError naming the file, the line and the key. `domain` is the catalog that
// translates labels given as plain English.
Entity readEntity(const std::filesystem::path& file, const std::string& domain);
Entity parseEntity(const std::string& yaml, const std::string& source, const std::string& domain);

}  // namespace tiller::record
