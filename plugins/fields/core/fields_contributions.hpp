// The fields plugin adds one administration view and a command that opens its Add dialog
// directly (no menu: reached by id, e.g. `tiller --open fields.add`); the widgets are in ui/.
#pragma once

#include <tiller/plugin/registry.hpp>

#include <functional>

namespace fields_plugin {
inline constexpr const char* kView = "fields.custom";
inline constexpr const char* kAddCommand = "fields.add";
inline constexpr const char* kDomain = "tiller-fields";
void contribute(tiller::plugin::Registry& registry, std::function<void(tiller::plugin::Host&)> openAdd);
}  // namespace fields_plugin
