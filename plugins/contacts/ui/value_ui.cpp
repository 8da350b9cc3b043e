#include "value_ui.hpp"
#include "value_settings_pages.hpp"
#include "core/value_contributions.hpp"

#include <tiller/i18n/catalogs.hpp>

namespace contacts {

void contributeValueCommands(tiller::plugin::Registry& registry) {
    tiller::plugin::Command upgrade;
    upgrade.id = kRequestUpgradeCommand;
    upgrade.label = N_("Request status upgrade...");
    upgrade.menu = "Customers";
    upgrade.permission = "contacts.edit";
    upgrade.order = 300;
    upgrade.run = [](tiller::plugin::Host& host) { showUpgradeDialog(tiller::ui::mainWindow(), host); };
    registry.add(upgrade);

    tiller::plugin::Command assess;
    assess.id = kAssessCustomerCommand;
    assess.label = N_("Assess customer value...");
    assess.menu = "Customers";
    assess.permission = "contacts.view";
    assess.order = 310;
    assess.run = [](tiller::plugin::Host& host) { showAssessmentDialog(tiller::ui::mainWindow(), host); };
    registry.add(assess);
}

void contributeValueUi(tiller::ui::UiRegistry& registry) {
    registry.addSettingsPage(kValueSettingsPage, makeValueItemsPage);
    registry.addSettingsPage(kVipSettingsPage, makeVipTiersPage);
    registry.addSettingsPage(kCreditSettingsPage, makeCreditPage);
}

}  // namespace contacts
