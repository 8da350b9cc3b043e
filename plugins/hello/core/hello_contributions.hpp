// Everything the hello plugin declares, without widgets: its table, list, command, search,
// tiller-cli command, demo data and settings page.
#pragma once

#include <tiller/plugin/registry.hpp>

namespace hello {
void contribute(tiller::plugin::Registry& registry);
}
