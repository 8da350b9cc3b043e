// tiller-cli phone listen / phone call (issue 8 item 7): the GUI's phone code without a window,
// for scripts and the SIP tests. Each prints one JSON object per line with --json.
#pragma once

#include <tiller/plugin/registry.hpp>

namespace dialer {

void contributePhoneCommands(tiller::plugin::Registry& registry);

}  // namespace dialer
