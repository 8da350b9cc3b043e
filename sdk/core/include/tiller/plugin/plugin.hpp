// The one interface a plugin implements, and the macro that exports it.
//
//   class HelloPlugin : public tiller::plugin::Plugin {
//       void contribute(tiller::plugin::Registry& r) override { r.add(Command{...}); }
//   };
//   TILLER_PLUGIN(HelloPlugin)
//
// Lifecycle: contribute() in dependency order (declare everything: commands, views,
// migrations, services ...), then the host applies migrations, then start() in dependency
// order, and stop() in reverse order when the program ends. An exception from contribute()
// or start() marks the plugin failed (and the plugins that need it); the rest keep running.
#pragma once

#include <tiller/plugin/host.hpp>
#include <tiller/plugin/registry.hpp>

#include <boost/dll/alias.hpp>

#include <memory>

namespace tiller::plugin {

class Plugin {
public:
    virtual ~Plugin() = default;
    virtual void contribute(Registry& registry) = 0;
    virtual void start(Host& host) { (void)host; }
    virtual void stop() {}
};

using PluginFactory = std::shared_ptr<Plugin>();
inline constexpr const char* kEntryPoint = "tiller_plugin_entry";

}  // namespace tiller::plugin

#define TILLER_PLUGIN(PluginClass)                                                  \
    namespace tiller_plugin_entry_detail {                                          \
    std::shared_ptr<::tiller::plugin::Plugin> create() {                            \
        return std::make_shared<PluginClass>();                                     \
    }                                                                               \
    }                                                                               \
    BOOST_DLL_ALIAS(tiller_plugin_entry_detail::create, tiller_plugin_entry)
