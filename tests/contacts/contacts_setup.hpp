// The contacts plugin installed on a test database the way the plugin manager does it: its
// contributions, the entities and lists the test names, its flows when asked, its migrations
// applied, and the dictionary's system values (the six customer types ...).
#pragma once

#include "core/contacts_contributions.hpp"

#include <tiller/approval/flow.hpp>
#include <tiller/dictionary/dictionary.hpp>
#include <tiller/migrations/migrator.hpp>
#include <tiller/record/entity.hpp>
#include <tiller/record/list.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace contacts::test {

struct ContactsParts {
    std::vector<std::string> entities{"customer", "contact", "address"};  // entities/<name>.yaml
    std::vector<std::string> lists;                                        // lists/<name>.yaml
    bool flows = false;                                                    // flows/*.yaml
};

inline void installContacts(tiller::plugin::Registry& registry, tiller::plugin::Host& host, const tiller::Clock& clock,
                            const ContactsParts& parts = {}) {
    const std::string root = TILLER_CONTACTS_SOURCE;
    registry.setOwner("contacts");
    contacts::contribute(registry);
    for (const auto& name : parts.entities)
        registry.add(tiller::record::readEntity(root + "/entities/" + name + ".yaml", "tiller-contacts"));
    auto entities = [&registry](const std::string& id) { return registry.entity(id); };
    for (const auto& name : parts.lists)
        registry.add(tiller::record::readList(root + "/lists/" + name + ".yaml", "tiller-contacts", entities));
    if (parts.flows)
        for (const auto& file : std::filesystem::directory_iterator(root + "/flows")) registry.add(tiller::approval::readFlow(file.path()));
    tiller::migrations::Migrator migrator(host.database());
    migrator.add(registry.migrationsOf("contacts"));
    migrator.apply();
    tiller::dictionary::Dictionary(host, clock).installSystemValues();
}

}  // namespace contacts::test
