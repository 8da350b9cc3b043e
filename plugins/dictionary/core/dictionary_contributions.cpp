#include "dictionary_contributions.hpp"

#include <tiller/i18n/catalogs.hpp>

namespace dictionary_plugin {

void contribute(tiller::plugin::Registry& registry) {
    tiller::plugin::NavigationView view;
    view.id = kView;
    view.label = N_("Data dictionary");
    view.group = tiller::i18n::Text("Administration", "tiller-people");  // beside the people screens
    view.permission = "core.settings";
    view.order = 950;
    registry.add(view);
}

}  // namespace dictionary_plugin
