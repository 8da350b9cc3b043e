// What the people plugin adds: three administration views, "My profile" and the security
// settings page. Their widgets are in ui/.
#pragma once

#include <tiller/plugin/registry.hpp>

namespace people {

inline constexpr const char* kOrganisationView = "people.organisation";
inline constexpr const char* kUsersView = "people.users";
inline constexpr const char* kRolesView = "people.roles";
inline constexpr const char* kSecurityPage = "people.security";

// `openProfile` shows the signed-in person's profile (a widget, so it comes from ui/).
void contribute(tiller::plugin::Registry& registry, std::function<void(tiller::plugin::Host&)> openProfile);

}  // namespace people
