// The dialer plugin object (GPL-3.0-or-later, see ../COPYING): the declarations of core/ and
// the widgets: the phone bar, the Phone settings page and the customer's Calls tab.
#include "calls_panel.hpp"
#include "phone_bar.hpp"
#include "phone_settings_page.hpp"

#include "core/dialer_contributions.hpp"

#include <tiller/plugin/plugin.hpp>
#include <tiller/ui/ui_registry.hpp>

namespace dialer {

class DialerPlugin : public tiller::plugin::Plugin, public tiller::ui::UiPlugin {
public:
    void contribute(tiller::plugin::Registry& registry) override { dialer::contribute(registry, service_); }
    void contributeUi(tiller::ui::UiRegistry& widgets) override {
        auto service = service_;
        widgets.addBar("dialer.phone_bar", [service](wxWindow* parent, tiller::plugin::Host& host) -> wxWindow* {
            if (!host.allows("dialer.use")) return nullptr;
            return new ui::PhoneBar(parent, host, service);
        });
        widgets.addSettingsPage("dialer.phone", [service](wxWindow* parent, tiller::plugin::Host& host) {
            return ui::makePhoneSettingsPage(parent, host, service);
        });
        widgets.addRecordPanel("dialer.customer_calls", [service](wxWindow* parent, tiller::plugin::Host& host, long long id) {
            return ui::makeCallsPanel(parent, host, id, service);
        });
    }

private:
    std::shared_ptr<PhoneService> service_ = std::make_shared<PhoneService>();
};

}  // namespace dialer

TILLER_PLUGIN(dialer::DialerPlugin)
