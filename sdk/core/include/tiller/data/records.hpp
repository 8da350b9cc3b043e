// Writing records the way every plugin must: inside the caller's transaction, with optimistic
// locking (a `version` column: a stale save is refused with Conflict and the newer data kept)
// and an audit row (who, when, which fields from what to what) committed together with the
// change or not at all. The audit trail is append-only.
#pragma once

#include <tiller/db/url.hpp>

#include <soci/soci.h>

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace tiller::data {

using Value = std::variant<std::monostate, long long, std::string>;  // NULL, integer, text
using Values = std::vector<std::pair<std::string, Value>>;         // column -> value

std::string displayValue(const Value& value);  // "" for NULL

struct FieldChange {
    std::string field;
    std::string before;
    std::string after;
};

struct AuditEntry {
    long long at = 0;
    std::string action;      // create, update, delete
    std::optional<long long> userId;
    std::string userName;    // "" when the change was made by no signed-in user
    std::vector<FieldChange> changes;
};

class Records {
public:
    // `actingUser` is recorded in the audit; `nowMs` stamps created_at/updated_at and the audit.
    Records(soci::session& session, std::optional<long long> actingUser, long long nowMs);

    // Inserts a row (adding created_at, updated_at and version = 1) and returns its id.
    long long insert(const std::string& table, const std::string& entity, const Values& values);

    // Changes the given columns of row `id` if its version is still `expectedVersion`;
    // throws Conflict otherwise and NotFound when the row is gone. Records only the columns
    // whose value really changed. Returns the new version.
    int update(const std::string& table, const std::string& entity, long long id,
               int expectedVersion, const Values& changes);

    // Deletes row `id`, recording the old values of `fields`; NotFound when it is gone.
    void remove(const std::string& table, const std::string& entity, long long id,
                const std::vector<std::string>& fields);

    // An audit row for a change made without the methods above (a password set, roles or
    // permissions replaced), in the same transaction.
    void audit(const std::string& entity, long long id, const std::string& action,
               const std::vector<FieldChange>& changes);

private:
    std::string staleMessage(const std::string& entity, long long id, int current, int expected);

    soci::session& session_;
    std::optional<long long> user_;
    long long now_;
};

std::vector<AuditEntry> history(soci::session& session, const std::string& entity, long long id);

}  // namespace tiller::data
