// The data dictionary (SPEC §1.3, 数据字典): values of the picklists plugins declare, kept by
// users. Rules: a system value can be renamed but not deleted; a value any record uses cannot
// be deleted (the refusal counts the records); in a tree, a value with children cannot be
// deleted. Every change is audited.
#pragma once

#include <tiller/clock.hpp>
#include <tiller/plugin/host.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tiller::dictionary {

struct Value {
    long long id = 0;
    std::string kind;
    std::optional<long long> parentId;
    std::string code;
    std::string name;                                 // as typed or shipped (English for system values)
    std::map<std::string, std::string> translations;  // language -> name
    bool isSystem = false;
    int version = 1;

    // The name in `language` ("" = the stored name).
    std::string nameIn(const std::string& language) const;
};

class Dictionary {
public:
    Dictionary(plugin::Host& host, const Clock& clock) : host_(host), clock_(clock) {}

    // Values of a kind, parents before children, in their order.
    std::vector<Value> values(const std::string& kind) const;
    std::optional<Value> find(const std::string& kind, const std::string& code) const;

    // Refuses an unknown kind, an empty name, a parent in a flat kind, or a taken code.
    long long add(const std::string& kind, const std::string& name, std::optional<long long> parentId = {},
                  std::string code = {});
    void rename(long long id, int expectedVersion, const std::string& name);
    void setTranslation(long long id, const std::string& language, const std::string& name);
    void remove(long long id);
    // Records of any plugin that use the value (DictionaryUse contributions).
    long long usage(long long id) const;

    // Adds the system values every declared kind ships with that are not there yet.
    void installSystemValues();

private:
    const plugin::DictionaryKind& kind(const std::string& id) const;

    plugin::Host& host_;
    const Clock& clock_;
};

}  // namespace tiller::dictionary
