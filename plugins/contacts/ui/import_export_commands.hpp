// Customers > Import customers... and Customers > Export customers... (issue 7 item 8): the
// menu commands that open the import wizard and export the customer list's current query.
#pragma once

#include <tiller/plugin/registry.hpp>

namespace contacts::transfer {

void contributeImportExportCommands(tiller::plugin::Registry& registry);

}  // namespace contacts::transfer
