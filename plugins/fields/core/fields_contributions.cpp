#include "fields_contributions.hpp"

#include <tiller/i18n/catalogs.hpp>

namespace fields_plugin {

void contribute(tiller::plugin::Registry& registry, std::function<void(tiller::plugin::Host&)> openAdd) {
    tiller::plugin::NavigationView view;
    view.id = kView;
    view.label = N_("Custom fields");
    view.group = tiller::i18n::Text("Administration", "tiller-people");  // beside the people screens
    view.permission = "core.fields";
    view.order = 955;  // after the data dictionary, before the approval flows
    registry.add(view);

    tiller::plugin::Command add;
    add.id = kAddCommand;
    add.label = N_("Add a custom field...");
    add.permission = "core.fields";
    add.run = std::move(openAdd);
    registry.add(add);
}

}  // namespace fields_plugin
