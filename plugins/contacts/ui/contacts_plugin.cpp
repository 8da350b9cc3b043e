// The contacts plugin object: its declarations; the customer and contact lists and cards are
// declared in YAML and rendered by the shell.
#include "core/contacts_contributions.hpp"
#include "customer_screens.hpp"
#include "import_export_commands.hpp"
#include "pool_settings_page.hpp"
#include "value_ui.hpp"
#include "core/value_contributions.hpp"

#include <tiller/plugin/plugin.hpp>
#include <tiller/ui/ui_registry.hpp>

namespace contacts {

class ContactsPlugin : public tiller::plugin::Plugin, public tiller::ui::UiPlugin {
public:
    void contribute(tiller::plugin::Registry& registry) override {
        contacts::contribute(registry);
        card::contributeCustomerCommands(registry);
        transfer::contributeImportExportCommands(registry);
        contributeValueCommands(registry);
    }
    void contributeUi(tiller::ui::UiRegistry& widgets) override {
        card::contributeCustomerScreens(widgets);
        contributeValueUi(widgets);
        contributePoolUi(widgets);
    }
    void start(tiller::plugin::Host& host) override { startValue(host); }
    void stop() override { stopValue(); }
};

}  // namespace contacts

TILLER_PLUGIN(contacts::ContactsPlugin)
