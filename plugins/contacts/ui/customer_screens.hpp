// The customer screens the contacts plugin adds to the shell: the 360° view as the way a
// customer opens (from lists, search hits, --open record:contacts.customer:ID), the new-customer
// dialog as the way one is made, and Customers > Merge customers... .
#pragma once

#include <tiller/plugin/registry.hpp>
#include <tiller/ui/ui_registry.hpp>

namespace contacts::card {

// Declarations (from Plugin::contribute): the merge command.
void contributeCustomerCommands(tiller::plugin::Registry& registry);
// Widgets (from UiPlugin::contributeUi): the record opener and creator of contacts.customer.
void contributeCustomerScreens(tiller::ui::UiRegistry& widgets);

}  // namespace contacts::card
