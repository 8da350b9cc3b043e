#include "core/dictionary_contributions.hpp"
#include "dictionary_panel.hpp"

#include <tiller/plugin/plugin.hpp>
#include <tiller/ui/ui_registry.hpp>

namespace dictionary_plugin {

class DictionaryPlugin : public tiller::plugin::Plugin, public tiller::ui::UiPlugin {
public:
    void contribute(tiller::plugin::Registry& registry) override { dictionary_plugin::contribute(registry); }
    void contributeUi(tiller::ui::UiRegistry& registry) override {
        registry.addView(kView, [](wxWindow* parent, tiller::plugin::Host& host) { return new DictionaryPanel(parent, host); });
    }
};

}  // namespace dictionary_plugin

TILLER_PLUGIN(dictionary_plugin::DictionaryPlugin)
