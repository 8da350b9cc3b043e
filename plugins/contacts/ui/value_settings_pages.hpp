// Tools > Settings pages of the customer-value rules: assessment items and weights (SPEC §2.5),
// VIP tiers (§2.13), and the credit period, default credit limit and birthday lead time (§2.6,
// §2.13). Each saves through the core services, which refuse bad input with a message the
// Settings dialog shows while it stays open.
#pragma once

#include <tiller/plugin/host.hpp>
#include <tiller/ui/ui_registry.hpp>

namespace contacts {

tiller::ui::SettingsPanel* makeValueItemsPage(wxWindow* parent, tiller::plugin::Host& host);
tiller::ui::SettingsPanel* makeVipTiersPage(wxWindow* parent, tiller::plugin::Host& host);
tiller::ui::SettingsPanel* makeCreditPage(wxWindow* parent, tiller::plugin::Host& host);

}  // namespace contacts
