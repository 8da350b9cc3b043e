// The shell's own commands (Quit, Back up, Plugins, Settings, About ...), registered in the
// same Registry as the plugins' so that menus, shortcuts and permission checks treat them alike.
#pragma once

#include <tiller/plugin/registry.hpp>

namespace tiller::gui {
void registerShellCommands(plugin::Registry& registry);
}
