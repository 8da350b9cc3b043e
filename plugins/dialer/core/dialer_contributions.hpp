// What the dialer declares, without widgets: its migrations, settings page and record panel
// ids, the Telephony service (placed on the GUI's phone once it runs) and tiller-cli phone.
#pragma once

#include "core/phone.hpp"

#include <tiller/plugin/registry.hpp>

#include <memory>

namespace dialer {

// The Telephony service other plugins find: it forwards to the phone of the running window;
// without one (tiller-cli, or the phone not started) it refuses to dial and says why.
class PhoneService : public tiller::telephony::Telephony {
public:
    void attach(Phone* phone) { phone_ = phone; }
    Phone* phone() const { return phone_; }
    void dial(const std::string& number) override;
    bool canDial(std::string* why = nullptr) const override;
    tiller::telephony::AgentState agentState() const override;
    // Set by the GUI's phone bar: starts the phone again with the saved settings; false when a
    // call is in progress (the new settings then apply from the next start).
    std::function<bool()> restart;

private:
    Phone* phone_ = nullptr;
};

// Also provides `service` as tiller.Telephony/1.
void contribute(tiller::plugin::Registry& registry, const std::shared_ptr<PhoneService>& service);

}  // namespace dialer
