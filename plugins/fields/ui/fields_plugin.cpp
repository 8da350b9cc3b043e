// The fields plugin object: core declarations, and the widgets for them.
#include "core/field_types.hpp"
#include "core/fields_contributions.hpp"
#include "custom_field_dialog.hpp"
#include "custom_fields_panel.hpp"

#include <tiller/plugin/plugin.hpp>
#include <tiller/ui/ui_registry.hpp>

namespace fields_plugin {

class FieldsPlugin : public tiller::plugin::Plugin, public tiller::ui::UiPlugin {
public:
    void contribute(tiller::plugin::Registry& registry) override {
        fields_plugin::contribute(registry, [](tiller::plugin::Host& host) {
            auto entities = entitiesTakingCustomFields(host.registry());
            if (entities.empty()) return;
            CustomFieldDialog dialog(tiller::ui::mainWindow(), host, entities.front());
            dialog.ShowModal();
        });
    }
    void contributeUi(tiller::ui::UiRegistry& registry) override {
        registry.addView(kView, [](wxWindow* parent, tiller::plugin::Host& host) { return new CustomFieldsPanel(parent, host); });
    }
};

}  // namespace fields_plugin

TILLER_PLUGIN(fields_plugin::FieldsPlugin)
