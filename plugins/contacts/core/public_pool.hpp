// The public pool (公海池, SPEC §2.7) of customers and leads: a record without an owner is in it.
// A salesperson claims one (领取), a pool administrator assigns records to a person, and an
// owner gives records back. Each change is version-checked (a record someone else took a
// moment ago is refused, naming them), audited, restarts the recall clock (assigned_at) and,
// for a customer, moves its contacts along with it.
#pragma once

#include <tiller/clock.hpp>
#include <tiller/plugin/host.hpp>

#include <optional>
#include <string>
#include <vector>

namespace contacts {

inline constexpr const char* kCustomerEntity = "contacts.customer";
inline constexpr const char* kLeadEntity = "contacts.lead";

// Permissions of the pool (plugin.yaml).
inline constexpr const char* kClaimPermission = "contacts.claim";    // take from the pool, give back one's own
inline constexpr const char* kAssignPermission = "contacts.assign";  // give any record to anyone
inline constexpr const char* kPoolPermission = "contacts.pool";      // administer the pool

class PublicPool {
public:
    PublicPool(tiller::plugin::Host& host, const tiller::Clock& clock) : host_(host), clock_(clock) {}

    // `entity` is kCustomerEntity or kLeadEntity (ValidationError otherwise).
    // The signed-in person takes a record from the pool (contacts.claim). Conflict when it has
    // an owner, naming them, also when someone else claimed it since it was listed.
    void claim(const std::string& entity, long long id);
    // Gives a record to `userId` (an active user). contacts.assign: any record the person sees;
    // contacts.pool alone: records in the pool only.
    void assign(const std::string& entity, long long id, long long userId);
    // Back to the pool: one's own records with contacts.claim, anyone's with contacts.pool.
    void release(const std::string& entity, long long id);

    // Batch forms (list actions, tiller-cli): each record on its own, refusals by title.
    tiller::plugin::ListActionResult claimAll(const std::string& entity, const std::vector<long long>& ids);
    tiller::plugin::ListActionResult assignAll(const std::string& entity, const std::vector<long long>& ids, long long userId);
    tiller::plugin::ListActionResult releaseAll(const std::string& entity, const std::vector<long long>& ids);

    // The record's title ("#id" when it is gone), for refusals.
    std::string title(const std::string& entity, long long id);

private:
    struct Current {
        std::optional<long long> owner;
        int version = 0;
        std::string title;
    };
    // NotFound when it does not exist, or (scoped) is not the person's to see.
    Current current(const std::string& entity, long long id, bool scoped = true);
    // Sets the owner (none = the pool) in one transaction, if the version is still `expected`.
    void setOwner(const std::string& entity, long long id, const Current& was, std::optional<long long> owner);

    tiller::plugin::Host& host_;
    const tiller::Clock& clock_;
};

// The table behind a pool entity (ValidationError for any other entity).
std::string poolTable(const std::string& entity);
// A user's name as people read it ("" when there is no such user).
std::string userName(soci::session& session, long long userId);
// Sets the owner of a customer's contacts to the customer's (they follow it in and out of the pool).
void moveContactsWith(soci::session& session, long long customerId, std::optional<long long> owner);

}  // namespace contacts
