// What the duplicate check, the merge and the 360° view declare without widgets (issue 7 items
// 4 and 7): the record hook that keeps customers' normalised names in step, the record-panel
// slot other plugins fill on the customer 360° view, and `tiller-cli customers duplicates` and
// `tiller-cli customers merge`.
#pragma once

#include <tiller/plugin/registry.hpp>

namespace contacts {

// The slot of the customer 360° view (SPEC §2.9): plugins add a RecordPanel with this slot,
// and its widget factory with tiller::ui::UiRegistry::addRecordPanel, to get a tab there.
inline constexpr const char* kCustomerSlot = "contacts.customer";

void contributeMerging(tiller::plugin::Registry& registry);

}  // namespace contacts
