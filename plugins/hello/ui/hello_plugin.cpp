// The hello plugin object: core declarations plus its one widget, the settings page.
#include "core/hello_contributions.hpp"
#include "hello_settings_page.hpp"

#include <tiller/plugin/plugin.hpp>
#include <tiller/ui/ui_registry.hpp>

namespace hello {

class HelloPlugin : public tiller::plugin::Plugin, public tiller::ui::UiPlugin {
public:
    void contribute(tiller::plugin::Registry& registry) override { hello::contribute(registry); }
    void contributeUi(tiller::ui::UiRegistry& registry) override {
        registry.addSettingsPage("hello.settings", [](wxWindow* parent, tiller::plugin::Host& host) {
            return new SettingsPage(parent, host);
        });
    }
};

}  // namespace hello

TILLER_PLUGIN(hello::HelloPlugin)
