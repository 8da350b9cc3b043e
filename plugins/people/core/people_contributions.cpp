#include "people_contributions.hpp"

#include <tiller/i18n/catalogs.hpp>

namespace people {

using namespace tiller::plugin;

void contribute(Registry& registry, std::function<void(Host&)> openProfile) {
    int order = 900;  // administration comes after the business lists
    for (auto [id, label] : {std::pair{kOrganisationView, N_("Organisation")}, std::pair{kUsersView, N_("Users")},
                             std::pair{kRolesView, N_("Roles and permissions")}}) {
        NavigationView view;
        view.id = id;
        view.label = label;
        view.group = N_("Administration");
        view.permission = "core.users";
        view.order = order++;
        registry.add(view);  // a custom panel: registered in ui/
    }

    Command profile;
    profile.id = "people.profile";
    profile.label = N_("My profile...");
    profile.menu = "File";
    profile.order = 40;
    profile.run = std::move(openProfile);
    registry.add(profile);

    SettingsPage security;
    security.id = kSecurityPage;
    security.label = N_("Sign-in security");
    security.permission = "core.users";
    registry.add(security);
}

}  // namespace people
