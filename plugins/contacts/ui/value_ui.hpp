// The customer-value screens (SPEC §2.3, §2.5, §2.6, §2.13): the Customers menu commands and the
// settings pages. Other screens (the 360° view) open the dialogs for one customer with
// showUpgradeDialog() / showAssessmentDialog(), or run the commands by id.
#pragma once

#include <tiller/plugin/host.hpp>
#include <tiller/plugin/registry.hpp>
#include <tiller/ui/ui_registry.hpp>

#include <wx/window.h>

namespace contacts {

// Command ids (Customers menu): each opens its dialog with no customer chosen yet.
inline constexpr const char* kRequestUpgradeCommand = "contacts.request_upgrade";
inline constexpr const char* kAssessCustomerCommand = "contacts.assess_customer";

void contributeValueCommands(tiller::plugin::Registry& registry);
void contributeValueUi(tiller::ui::UiRegistry& registry);

// customerId 0: the person picks the customer in the dialog.
void showUpgradeDialog(wxWindow* parent, tiller::plugin::Host& host, long long customerId = 0);
void showAssessmentDialog(wxWindow* parent, tiller::plugin::Host& host, long long customerId = 0);

}  // namespace contacts
