#include <tiller/data/records.hpp>
#include <tiller/db/row.hpp>
#include <tiller/errors.hpp>
#include <tiller/identity/people.hpp>
#include <tiller/util/join.hpp>


#include <regex>

namespace tiller::identity {
namespace {
Role readRole(const soci::row& r) {
    return {db::integerAt(r, 0), db::textAt(r, 1), db::textAt(r, 2), db::integerAt(r, 3) != 0,
            db::integerAt(r, 4) != 0, parseScope(db::textAt(r, 5)).value_or(Scope::own)};
}
const char* kSelectRole = "SELECT id, role_key, name, is_builtin, all_permissions, default_scope FROM core_role";
}  // namespace

std::vector<Role> RoleBook::roles() const {
    return database_.withSession([](soci::session& s) {
        std::vector<Role> out;
        soci::rowset<soci::row> rows = (s.prepare << std::string(kSelectRole) + " ORDER BY id");
        for (const auto& r : rows) out.push_back(readRole(r));
        return out;
    });
}

std::optional<Role> RoleBook::find(const std::string& key) const {
    return database_.withSession([&](soci::session& s) -> std::optional<Role> {
        soci::row r;
        s << std::string(kSelectRole) + " WHERE role_key = :k", soci::use(key), soci::into(r);
        if (!s.got_data()) return std::nullopt;
        return readRole(r);
    });
}

long long RoleBook::add(const std::string& key, const std::string& name, Scope defaultScope) {
    static const std::regex form("[a-z][a-z0-9_]{0,39}");
    if (!std::regex_match(key, form)) throw ValidationError("role", "'" + key + "' must be lower case letters, digits and _");
    if (find(key)) throw ValidationError("role", "'" + key + "' already exists");
    return database_.withSession([&](soci::session& s) {
        long long id = 0;
        std::string scope(scopeName(defaultScope));
        s << "INSERT INTO core_role (role_key, name, is_builtin, all_permissions, default_scope) "
             "VALUES (:k, :n, 0, 0, :s) RETURNING id",
            soci::use(key), soci::use(name), soci::use(scope), soci::into(id);
        return id;
    });
}

std::set<std::string> RoleBook::permissions(const std::string& roleKey) const {
    return database_.withSession([&](soci::session& s) {
        std::set<std::string> out;
        soci::rowset<std::string> rows =
            (s.prepare << "SELECT p.permission FROM core_role_permission p JOIN core_role r ON r.id = p.role_id "
                          "WHERE r.role_key = :k",
             soci::use(roleKey));
        for (const auto& p : rows) out.insert(p);
        return out;
    });
}

void RoleBook::auditRole(soci::session& s, const Role& role, const std::string& field, const std::string& before,
                         const std::string& after) {
    data::Records(s, actor_.userId, clock_.nowMs()).audit("core.role", role.id, "update", {{field, before, after}});
}

void RoleBook::setPermissions(const std::string& roleKey, const std::set<std::string>& wanted) {
    auto role = find(roleKey);
    if (!role) throw NotFound("there is no role '" + roleKey + "'");
    if (role->allPermissions) throw ValidationError("role", "the administrator role always has every permission");
    auto before = permissions(roleKey);
    database_.inTransaction([&](soci::session& s) {
        s << "DELETE FROM core_role_permission WHERE role_id = :id", soci::use(role->id);
        for (const auto& p : wanted)
            s << "INSERT INTO core_role_permission (role_id, permission) VALUES (:id, :p)", soci::use(role->id), soci::use(p);
        if (before != wanted) auditRole(s, *role, "permissions", util::join(before, ", "), util::join(wanted, ", "));
    });
}

std::vector<std::pair<std::string, Scope>> RoleBook::scopes(const std::string& roleKey) const {
    return database_.withSession([&](soci::session& s) {
        std::vector<std::pair<std::string, Scope>> out;
        soci::rowset<soci::row> rows =
            (s.prepare << "SELECT c.entity, c.scope FROM core_role_scope c JOIN core_role r ON r.id = c.role_id "
                          "WHERE r.role_key = :k ORDER BY c.entity",
             soci::use(roleKey));
        for (const auto& r : rows) out.emplace_back(db::textAt(r, 0), parseScope(db::textAt(r, 1)).value_or(Scope::own));
        return out;
    });
}

void RoleBook::setScope(const std::string& roleKey, const std::string& entity, Scope scope) {
    auto role = find(roleKey);
    if (!role) throw NotFound("there is no role '" + roleKey + "'");
    std::string name(scopeName(scope));
    database_.inTransaction([&](soci::session& s) {
        std::string before;
        soci::indicator ind = soci::i_null;
        s << "SELECT scope FROM core_role_scope WHERE role_id = :id AND entity = :e", soci::use(role->id),
            soci::use(entity), soci::into(before, ind);
        s << "DELETE FROM core_role_scope WHERE role_id = :id AND entity = :e", soci::use(role->id), soci::use(entity);
        s << "INSERT INTO core_role_scope (role_id, entity, scope) VALUES (:id, :e, :s)", soci::use(role->id),
            soci::use(entity), soci::use(name);
        auditRole(s, *role, "scope " + entity, s.got_data() && ind == soci::i_ok ? before : "", name);
    });
}

void RoleBook::setDefaultScope(const std::string& roleKey, Scope scope) {
    auto role = find(roleKey);
    if (!role) throw NotFound("there is no role '" + roleKey + "'");
    std::string name(scopeName(scope));
    database_.inTransaction([&](soci::session& s) {
        s << "UPDATE core_role SET default_scope = :s WHERE id = :id", soci::use(name), soci::use(role->id);
        auditRole(s, *role, "default scope", std::string(scopeName(role->defaultScope)), name);
    });
}

void RoleBook::grantNewPermissions(const std::vector<std::pair<std::string, std::vector<std::string>>>& declared) {
    database_.inTransaction([&](soci::session& s) {
        for (const auto& [permission, roleKeys] : declared) {
            int seen = 0;
            s << "SELECT COUNT(*) FROM core_permission_seen WHERE permission = :p", soci::use(permission), soci::into(seen);
            if (seen) continue;  // the administrator may have changed the grants since: leave them
            s << "INSERT INTO core_permission_seen (permission) VALUES (:p)", soci::use(permission);
            for (const auto& key : roleKeys) {
                long long roleId = 0;
                s << "SELECT id FROM core_role WHERE role_key = :k", soci::use(key), soci::into(roleId);
                if (!s.got_data()) continue;
                s << "INSERT INTO core_role_permission (role_id, permission) VALUES (:r, :p)", soci::use(roleId),
                    soci::use(permission);
            }
        }
    });
}

}  // namespace tiller::identity
