// Settings > Public pool: after how many days without follow-up customers and leads return to
// the pool (0 = never). The rule itself is PoolRecall's (core/pool_recall.hpp).
#pragma once

#include <tiller/ui/ui_registry.hpp>

namespace contacts {

void contributePoolUi(tiller::ui::UiRegistry& widgets);

}  // namespace contacts
