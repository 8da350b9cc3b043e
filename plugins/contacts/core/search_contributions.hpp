// What the global search needs from the contacts plugin (issue 7 item 6): the record hooks that
// keep the phone and search indexes in step with every save and delete of a customer or contact
// through record::Store, and the search provider for customers and contacts.
#pragma once

#include <tiller/plugin/registry.hpp>

namespace contacts {
void contributeSearch(tiller::plugin::Registry& registry);
}
