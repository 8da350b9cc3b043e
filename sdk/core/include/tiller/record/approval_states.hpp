// Records whose entity declares a `state` field follow their approvals: when a flow finishes,
// the state becomes the flow's on_approve value, or rejected / returned / abnormal.
#pragma once

#include <tiller/clock.hpp>
#include <tiller/plugin/host.hpp>

namespace tiller::record {

// Lasts as long as the returned subscription.
[[nodiscard]] plugin::EventBus::Subscription followApprovals(plugin::Host& host, const Clock& clock);

}  // namespace tiller::record
