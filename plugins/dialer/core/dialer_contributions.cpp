#include "core/dialer_contributions.hpp"
#include "core/dialer_text.hpp"
#include "core/phone_cli.hpp"

#include <tiller/i18n/catalogs.hpp>

namespace dialer {

std::vector<tiller::migrations::Migration> migrations();  // from migrations/*.sql

void PhoneService::dial(const std::string& number) {
    if (!phone_) throw tiller::telephony::Refused(tr("The phone is not running: open Tiller's window to call"));
    phone_->dial(number);
}

bool PhoneService::canDial(std::string* why) const {
    if (phone_) return phone_->canDial(why);
    if (why) *why = tr("The phone is not running: open Tiller's window to call");
    return false;
}

tiller::telephony::AgentState PhoneService::agentState() const {
    return phone_ ? phone_->agentState() : tiller::telephony::AgentState::busy;
}

void contribute(tiller::plugin::Registry& registry, const std::shared_ptr<PhoneService>& service) {
    registry.addMigrations(migrations());
    registry.provide<tiller::telephony::Telephony>(service);

    tiller::plugin::RecordPanel calls;
    calls.id = "dialer.customer_calls";
    calls.slot = "contacts.customer";
    calls.label = N_("Calls");
    calls.order = 40;
    calls.permission = "dialer.use";
    registry.add(calls);

    tiller::plugin::SettingsPage settings;
    settings.id = "dialer.phone";
    settings.label = N_("Phone");
    settings.order = 60;
    settings.permission = "dialer.use";
    registry.add(settings);

    contributePhoneCommands(registry);
}

}  // namespace dialer
