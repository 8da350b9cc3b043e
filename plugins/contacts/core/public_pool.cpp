#include "public_pool.hpp"
#include "pool_text.hpp"
#include "write_transaction.hpp"

#include <tiller/data/records.hpp>
#include <tiller/db/row.hpp>
#include <tiller/errors.hpp>
#include <tiller/plugin/list_actions.hpp>

namespace contacts {
namespace {

using pool_text::fill;
using pool_text::tr;
using tiller::plugin::ListActionResult;

}  // namespace

std::string poolTable(const std::string& entity) {
    if (entity == kCustomerEntity) return "contacts_customer";
    if (entity == kLeadEntity) return "contacts_lead";
    throw tiller::ValidationError("entity", "'" + entity + "' has no public pool (customers and leads have)");
}

std::string userName(soci::session& s, long long userId) {
    std::string name, login;
    soci::indicator nameInd = soci::i_null;
    s << "SELECT name, login FROM core_user WHERE id = :id", soci::use(userId), soci::into(name, nameInd), soci::into(login);
    if (!s.got_data()) return "";
    return nameInd == soci::i_ok && !name.empty() ? name : login;
}

void moveContactsWith(soci::session& s, long long customerId, std::optional<long long> owner) {
    long long ownerId = owner.value_or(0);
    soci::indicator ind = owner ? soci::i_ok : soci::i_null;
    s << "UPDATE contacts_contact SET owner_id = :o WHERE customer_id = :c", soci::use(ownerId, ind), soci::use(customerId);
}

std::string PublicPool::title(const std::string& entity, long long id) {
    std::string table = poolTable(entity);
    if (!host_.canSee(table, id)) return "#" + std::to_string(id);  // not even its name
    return host_.database().withSession([&](soci::session& s) {
        std::string name;
        s << "SELECT name FROM " + table + " WHERE id = :id", soci::use(id), soci::into(name);
        return s.got_data() ? name : "#" + std::to_string(id);
    });
}

PublicPool::Current PublicPool::current(const std::string& entity, long long id, bool scoped) {
    std::string table = poolTable(entity);
    if (scoped && !host_.canSee(table, id))
        throw tiller::NotFound(fill(tr("record %s does not exist or is not yours to see"), {std::to_string(id)}));
    return host_.database().withSession([&](soci::session& s) {
        soci::row row;
        s << "SELECT owner_id, version, name FROM " + table + " WHERE id = :id", soci::use(id), soci::into(row);
        if (!s.got_data()) throw tiller::NotFound(fill(tr("record %s does not exist or is not yours to see"), {std::to_string(id)}));
        Current c;
        if (row.get_indicator(0) != soci::i_null) c.owner = tiller::db::integerAt(row, 0);
        c.version = static_cast<int>(tiller::db::integerAt(row, 1));
        c.title = tiller::db::textAt(row, 2);
        return c;
    });
}

void PublicPool::setOwner(const std::string& entity, long long id, const Current& was, std::optional<long long> owner) {
    std::string table = poolTable(entity);
    long long now = clock_.nowMs();
    try {
        inWriteTransaction(host_.database(), [&](soci::session& s) {
            tiller::data::Values changes{{"owner_id", owner ? tiller::data::Value(*owner) : tiller::data::Value()},
                                         {"assigned_at", owner ? tiller::data::Value(now) : tiller::data::Value()}};
            tiller::data::Records(s, host_.actingUser(), now).update(table, entity, id, was.version, changes);
            if (entity == kCustomerEntity) moveContactsWith(s, id, owner);
            for (const auto* hook : host_.registry().hooksFor(entity))
                if (hook->afterWrite) hook->afterWrite(host_, s, id, false);
        });
    } catch (const tiller::Conflict&) {
        // Someone changed it since it was read: say who has it now, which is what matters here.
        auto now = current(entity, id, false);
        if (now.owner && now.owner != owner) {
            std::string who = host_.database().withSession([&](soci::session& s) { return userName(s, *now.owner); });
            throw tiller::Conflict(fill(tr("%s was taken by %s a moment ago"), {was.title, who}));
        }
        throw tiller::Conflict(fill(tr("%s was changed by someone else a moment ago; try again"), {was.title}));
    }
    host_.events().publish(tiller::plugin::RecordSaved{entity, id});
}

void PublicPool::claim(const std::string& entity, long long id) {
    host_.require(kClaimPermission);
    auto me = host_.actingUser();
    if (!me) throw tiller::PermissionDenied(tr("sign in to claim customers and leads"));
    // Read past the data scope: a pool record someone claimed a moment ago is no longer
    // visible to the others, and they should hear who has it rather than "does not exist"
    // (its name stays hidden: only its number, which they had).
    Current c = current(entity, id, false);
    if (c.owner == me) throw tiller::Conflict(fill(tr("%s is yours already"), {c.title}));
    if (c.owner) {
        std::string who = host_.database().withSession([&](soci::session& s) { return userName(s, *c.owner); });
        std::string name = host_.canSee(poolTable(entity), id) ? c.title : "#" + std::to_string(id);
        throw tiller::Conflict(fill(tr("%s is not in the pool: %s has it"), {name, who}));
    }
    setOwner(entity, id, c, me);
}

void PublicPool::assign(const std::string& entity, long long id, long long userId) {
    bool mayAssign = host_.allows(kAssignPermission);
    if (!mayAssign && !host_.allows(kPoolPermission)) host_.require(kAssignPermission);
    bool active = host_.database().withSession([&](soci::session& s) {
        long long n = 0;
        s << "SELECT COUNT(*) FROM core_user WHERE id = :id AND active = 1", soci::use(userId), soci::into(n);
        return n > 0;
    });
    if (!active) throw tiller::ValidationError("user", fill(tr("there is no active user with the id %s"), {std::to_string(userId)}));
    Current c = current(entity, id);
    if (c.owner == userId) {
        std::string who = host_.database().withSession([&](soci::session& s) { return userName(s, userId); });
        throw tiller::Conflict(fill(tr("%s belongs to %s already"), {c.title, who}));
    }
    if (c.owner && !mayAssign) {
        std::string who = host_.database().withSession([&](soci::session& s) { return userName(s, *c.owner); });
        throw tiller::PermissionDenied(
            fill(tr("%s belongs to %s; only people who may assign customers give it to someone else"), {c.title, who}));
    }
    setOwner(entity, id, c, userId);
}

void PublicPool::release(const std::string& entity, long long id) {
    bool poolAdmin = host_.allows(kPoolPermission);
    if (!poolAdmin) host_.require(kClaimPermission);
    Current c = current(entity, id);
    if (!c.owner) throw tiller::Conflict(fill(tr("%s is in the pool already"), {c.title}));
    if (c.owner != host_.actingUser() && !poolAdmin) {
        std::string who = host_.database().withSession([&](soci::session& s) { return userName(s, *c.owner); });
        throw tiller::PermissionDenied(
            fill(tr("%s belongs to %s; only a pool administrator moves other people's records to the pool"), {c.title, who}));
    }
    setOwner(entity, id, c, std::nullopt);
}

ListActionResult PublicPool::claimAll(const std::string& entity, const std::vector<long long>& ids) {
    return tiller::plugin::eachRecord(ids, [&](long long id) { return title(entity, id); }, [&](long long id) { claim(entity, id); });
}

ListActionResult PublicPool::assignAll(const std::string& entity, const std::vector<long long>& ids, long long userId) {
    return tiller::plugin::eachRecord(ids, [&](long long id) { return title(entity, id); },
                                      [&](long long id) { assign(entity, id, userId); });
}

ListActionResult PublicPool::releaseAll(const std::string& entity, const std::vector<long long>& ids) {
    return tiller::plugin::eachRecord(ids, [&](long long id) { return title(entity, id); }, [&](long long id) { release(entity, id); });
}

}  // namespace contacts
