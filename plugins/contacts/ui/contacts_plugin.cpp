// The contacts plugin object: its declarations; the customer and contact lists and cards are
// declared in YAML and rendered by the shell.
#include "core/contacts_contributions.hpp"

#include <tiller/plugin/plugin.hpp>

namespace contacts {

class ContactsPlugin : public tiller::plugin::Plugin {
public:
    void contribute(tiller::plugin::Registry& registry) override { contacts::contribute(registry); }
};

}  // namespace contacts

TILLER_PLUGIN(contacts::ContactsPlugin)
