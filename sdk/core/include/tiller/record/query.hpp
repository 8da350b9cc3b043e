// What a list shows: a search text, conditions on fields and a sort. People save them under a
// name (the saved-query bar); SQL is built from them in one place (RecordPager).
#pragma once

#include <tiller/clock.hpp>
#include <tiller/plugin/host.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tiller::record {

enum class Op { contains, equals, notEquals, atLeast, atMost, between, empty, notEmpty };

std::string opName(Op op);  // contains, equals, not_equals, at_least, at_most, between, empty, not_empty
std::optional<Op> opFromName(const std::string& name);

struct Condition {
    std::string field;
    Op op = Op::contains;
    std::string value, value2;  // as typed; value2 for between
};

struct Query {
    std::string search;  // in the searchable fields, any part
    std::vector<Condition> conditions;
    std::string sortField;  // "" = the list's default
    bool descending = false;

    std::string toJson() const;
    // Throws ValidationError when `json` is not a saved query.
    static Query fromJson(const std::string& json);
};

// A person's named queries per list (core_saved_query).
class SavedQueries {
public:
    SavedQueries(plugin::Host& host, const Clock& clock) : host_(host), clock_(clock) {}
    std::vector<std::pair<std::string, Query>> list(const std::string& listId) const;
    // Replaces a query of the same name.
    void save(const std::string& listId, const std::string& name, const Query& query);
    void remove(const std::string& listId, const std::string& name);

private:
    plugin::Host& host_;
    const Clock& clock_;
};

}  // namespace tiller::record
