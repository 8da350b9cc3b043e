// What the custom-field screen offers and how it names it: the types a custom field may have
// (every type with a column, so not attachments), their English names for the catalog, and the
// kinds of record that take custom fields.
#pragma once

#include <tiller/plugin/registry.hpp>
#include <tiller/record/entity.hpp>

#include <vector>

namespace fields_plugin {

std::vector<tiller::record::FieldType> customFieldTypes();
// "Text", "Long text", "Whole number" ...: a catalog key of domain tiller-fields.
const char* typeLabel(tiller::record::FieldType type);
std::vector<tiller::record::Entity> entitiesTakingCustomFields(const tiller::plugin::Registry& registry);

}  // namespace fields_plugin
