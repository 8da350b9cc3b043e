// Settings > Phone: the office's phone system (PBX address, transport, recordings, ring time)
// for whoever may configure it, and this PC's extension, password (kept in the keyring), sound
// devices, codecs and SIP port. Saving starts the phone again with the new settings.
#pragma once

#include "core/dialer_contributions.hpp"

#include <tiller/ui/ui_registry.hpp>

namespace dialer::ui {

tiller::ui::SettingsPanel* makePhoneSettingsPage(wxWindow* parent, tiller::plugin::Host& host,
                                                 std::shared_ptr<PhoneService> service);

}  // namespace dialer::ui
