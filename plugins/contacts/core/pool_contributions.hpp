// What leads and the public pool declare without widgets (issue 7 items 3 and 9): the lead
// status dictionary, the record hooks (a deleted customer takes its contacts and addresses
// along; a lead's status follows its conversion), the batch actions of the customer, pool and
// lead lists, the recall job, the LeadConversionSteps service, demo leads and the tiller-cli
// commands `customers claim|assign|release|recall` and `leads claim|assign|release|convert`.
#pragma once

#include <tiller/plugin/registry.hpp>

namespace contacts {

// Settings > Public pool (the recall days); its widget is made in ui/pool_settings_page.cpp.
inline constexpr const char* kPoolSettingsPage = "contacts.pool_settings";

void contributePool(tiller::plugin::Registry& registry);
// The tiller-cli half (pool_cli.cpp).
void contributePoolCommands(tiller::plugin::Registry& registry);

}  // namespace contacts
