// The dictionary plugin adds one administration view; its widget is in ui/.
#pragma once

#include <tiller/plugin/registry.hpp>

namespace dictionary_plugin {
inline constexpr const char* kView = "dictionary.values";
void contribute(tiller::plugin::Registry& registry);
}  // namespace dictionary_plugin
