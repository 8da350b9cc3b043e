// Everything the contacts plugin declares without widgets: its tables, dictionary kinds and
// demo data (entities, forms and lists are in YAML beside plugin.yaml).
#pragma once

#include <tiller/plugin/registry.hpp>

namespace contacts {
void contribute(tiller::plugin::Registry& registry);
}
