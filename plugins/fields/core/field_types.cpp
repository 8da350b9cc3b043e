#include "field_types.hpp"

#include <tiller/i18n/catalogs.hpp>
#include <tiller/record/entity.hpp>

namespace fields_plugin {

using tiller::record::FieldType;

std::vector<FieldType> customFieldTypes() {
    std::vector<FieldType> out;
    for (auto type : tiller::record::allTypes())
        if (tiller::record::hasColumn(type)) out.push_back(type);
    return out;
}

const char* typeLabel(FieldType type) {
    switch (type) {
        case FieldType::text: return N_("Text");
        case FieldType::longText: return N_("Long text");
        case FieldType::integer: return N_("Whole number");
        case FieldType::money: return N_("Money");
        case FieldType::date: return N_("Date");
        case FieldType::datetime: return N_("Date and time");
        case FieldType::boolean: return N_("Yes/No");
        case FieldType::phone: return N_("Phone");
        case FieldType::email: return N_("E-mail");
        case FieldType::url: return N_("Web address");
        case FieldType::picklist: return N_("Picklist");
        case FieldType::reference: return N_("Reference");
        case FieldType::user: return N_("User");
        case FieldType::attachments: return N_("Attachments");
    }
    return "";
}

std::vector<tiller::record::Entity> entitiesTakingCustomFields(const tiller::plugin::Registry& registry) {
    std::vector<tiller::record::Entity> out;
    for (const auto& e : registry.entities())
        if (e.customFields) out.push_back(e);
    return out;
}

}  // namespace fields_plugin
