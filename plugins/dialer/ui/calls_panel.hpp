// The Calls tab of a customer's 360° view (SPEC §7.4): the customer's calls from the call log,
// newest first, with a play button for recorded ones.
#pragma once

#include "core/dialer_contributions.hpp"

#include <wx/window.h>

namespace dialer::ui {

wxWindow* makeCallsPanel(wxWindow* parent, tiller::plugin::Host& host, long long customerId, std::shared_ptr<PhoneService> service);

}  // namespace dialer::ui
