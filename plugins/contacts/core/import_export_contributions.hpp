// What customer import and export declare without widgets (issue 7 item 8):
// `tiller-cli import customers FILE ...` and `tiller-cli export customers ... -o FILE`.
// The wizard and the menu commands are the ui/ half.
#pragma once

#include <tiller/plugin/registry.hpp>

namespace contacts {

void contributeImportExport(tiller::plugin::Registry& registry);

}  // namespace contacts
