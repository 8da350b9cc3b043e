// The people plugin object: core declarations, and the widgets for them.
#include "core/people_contributions.hpp"
#include "organisation_panel.hpp"
#include "profile_dialog.hpp"
#include "roles_panel.hpp"
#include "security_settings_page.hpp"
#include "users_panel.hpp"

#include <tiller/plugin/plugin.hpp>
#include <tiller/ui/ui_registry.hpp>

namespace people {

class PeoplePlugin : public tiller::plugin::Plugin, public tiller::ui::UiPlugin {
public:
    void contribute(tiller::plugin::Registry& registry) override {
        people::contribute(registry, [](tiller::plugin::Host& host) {
            ProfileDialog dialog(tiller::ui::mainWindow(), host);
            dialog.ShowModal();
        });
    }
    void contributeUi(tiller::ui::UiRegistry& registry) override {
        registry.addView(kOrganisationView, [](wxWindow* parent, tiller::plugin::Host& host) {
            return new OrganisationPanel(parent, host);
        });
        registry.addView(kUsersView, [](wxWindow* parent, tiller::plugin::Host& host) { return new UsersPanel(parent, host); });
        registry.addView(kRolesView, [](wxWindow* parent, tiller::plugin::Host& host) { return new RolesPanel(parent, host); });
        registry.addSettingsPage(kSecurityPage, [](wxWindow* parent, tiller::plugin::Host& host) {
            return new SecuritySettingsPage(parent, host);
        });
    }
};

}  // namespace people

TILLER_PLUGIN(people::PeoplePlugin)
