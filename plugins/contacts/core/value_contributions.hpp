// What the customer-value part of contacts declares (SPEC §2.3 upgrades, §2.5 assessment, §2.6
// credit, §2.13 VIP and birthdays): the CustomerMoney extension point, scheduled jobs, the red
// rows of the customer list, the "Request upgrade" list action, settings pages and
// tiller-cli commands. Widgets are registered by ui/value_ui.cpp.
#pragma once

#include <tiller/plugin/host.hpp>
#include <tiller/plugin/registry.hpp>

namespace contacts {

void contributeValue(tiller::plugin::Registry& registry);
void contributeValueCli(tiller::plugin::Registry& registry);  // value_cli.cpp

// While the plugin runs: customers follow their upgrade approvals (StatusUpgrades::follow).
void startValue(tiller::plugin::Host& host);
void stopValue();

// Settings page ids (their widgets: ui/value_settings_pages.cpp).
inline constexpr const char* kValueSettingsPage = "contacts.value_settings";
inline constexpr const char* kVipSettingsPage = "contacts.vip_settings";
inline constexpr const char* kCreditSettingsPage = "contacts.credit_settings";

}  // namespace contacts
