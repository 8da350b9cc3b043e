#include <tiller/data/records.hpp>
#include <tiller/db/row.hpp>
#include <tiller/errors.hpp>
#include <tiller/identity/password.hpp>
#include <tiller/identity/people.hpp>
#include <tiller/util/join.hpp>

#include <algorithm>
#include <regex>

namespace tiller::identity {
namespace {

const char* kSelectUser =
    "SELECT id, login, name, phone, mobile, email, department_id, position_id, extension, "
    "agent_number, active, password_hash, version FROM core_user";

User readUser(const soci::row& r) {
    User u;
    u.id = db::integerAt(r, 0);
    u.login = db::textAt(r, 1);
    u.name = db::textAt(r, 2);
    u.phone = db::textAt(r, 3);
    u.mobile = db::textAt(r, 4);
    u.email = db::textAt(r, 5);
    u.departmentId = db::optionalIntegerAt(r, 6);
    u.positionId = db::optionalIntegerAt(r, 7);
    u.extension = db::textAt(r, 8);
    u.agentNumber = db::textAt(r, 9);
    u.active = db::integerAt(r, 10) != 0;
    u.hasPassword = !db::textAt(r, 11).empty();
    u.version = static_cast<int>(db::integerAt(r, 12));
    return u;
}

void loadRoles(soci::session& s, User& u) {
    soci::rowset<std::string> keys = (s.prepare << "SELECT r.role_key FROM core_user_role ur JOIN core_role r "
                                                   "ON r.id = ur.role_id WHERE ur.user_id = :id ORDER BY r.id",
                                      soci::use(u.id));
    for (const auto& k : keys) u.roles.push_back(k);
}

void checkLogin(const std::string& login) {
    static const std::regex form("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    if (!std::regex_match(login, form))
        throw ValidationError("login", "'" + login + "' must be letters, digits, '.', '_', '-' or '@', starting with a letter or digit");
}

data::Value optionalId(const std::optional<long long>& id) { return id ? data::Value(*id) : data::Value(); }

void replaceRoles(soci::session& s, long long userId, const std::vector<std::string>& roleKeys) {
    s << "DELETE FROM core_user_role WHERE user_id = :id", soci::use(userId);
    for (const auto& key : roleKeys) {
        long long roleId = 0;
        s << "SELECT id FROM core_role WHERE role_key = :k", soci::use(key), soci::into(roleId);
        if (!s.got_data()) throw ValidationError("role", "there is no role '" + key + "'");
        s << "INSERT INTO core_user_role (user_id, role_id) VALUES (:u, :r)", soci::use(userId), soci::use(roleId);
    }
}

}  // namespace

std::vector<User> UserDirectory::users() const {
    return database_.withSession([](soci::session& s) {
        std::vector<User> out;
        {
            soci::rowset<soci::row> rows = (s.prepare << std::string(kSelectUser) + " ORDER BY login");
            for (const auto& r : rows) out.push_back(readUser(r));
        }
        for (auto& u : out) loadRoles(s, u);
        return out;
    });
}

std::optional<User> UserDirectory::find(const std::string& login) const {
    return database_.withSession([&](soci::session& s) -> std::optional<User> {
        soci::row r;
        s << std::string(kSelectUser) + " WHERE login = :login", soci::use(login), soci::into(r);
        if (!s.got_data()) return std::nullopt;
        User u = readUser(r);
        loadRoles(s, u);
        return u;
    });
}

std::optional<User> UserDirectory::find(long long id) const {
    return database_.withSession([&](soci::session& s) -> std::optional<User> {
        soci::row r;
        s << std::string(kSelectUser) + " WHERE id = :id", soci::use(id), soci::into(r);
        if (!s.got_data()) return std::nullopt;
        User u = readUser(r);
        loadRoles(s, u);
        return u;
    });
}

long long UserDirectory::activeCount() const {
    return database_.withSession([](soci::session& s) {
        long long n = 0;
        s << "SELECT COUNT(*) FROM core_user WHERE active = 1", soci::into(n);
        return n;
    });
}

long long UserDirectory::add(const NewUser& user) {
    checkLogin(user.login);
    if (user.name.find_first_not_of(' ') == std::string::npos) throw ValidationError("name", "say who this is");
    if (user.roles.empty()) throw ValidationError("role", "give the user at least one role");
    std::string hash = hashPassword(user.password);  // validates length before anything is written
    return database_.inTransaction([&](soci::session& s) {
        // A second person turns sign-in on: the first must be able to sign in by then.
        long long active = 0, withoutPassword = 0;
        s << "SELECT COUNT(*) FROM core_user WHERE active = 1", soci::into(active);
        s << "SELECT COUNT(*) FROM core_user WHERE active = 1 AND password_hash = ''", soci::into(withoutPassword);
        if (active == 1 && withoutPassword == 1) {
            std::string first;
            s << "SELECT login FROM core_user WHERE active = 1", soci::into(first);
            throw ValidationError("password", "set a password for '" + first + "' first: with a second user, "
                                              "everyone signs in");
        }
        int taken = 0;
        s << "SELECT COUNT(*) FROM core_user WHERE login = :l", soci::use(user.login), soci::into(taken);
        if (taken) throw ValidationError("login", "'" + user.login + "' is already taken");
        data::Records records(s, actor_.userId, clock_.nowMs());
        long long id = records.insert("core_user", "core.user",
                                      {{"login", user.login},
                                       {"name", user.name},
                                       {"phone", user.phone},
                                       {"mobile", user.mobile},
                                       {"email", user.email},
                                       {"department_id", optionalId(user.departmentId)},
                                       {"position_id", optionalId(user.positionId)},
                                       {"extension", user.extension},
                                       {"agent_number", user.agentNumber},
                                       {"active", 1LL}});
        // The hash is stored apart from the audited values: it never enters the audit trail.
        s << "UPDATE core_user SET password_hash = :h WHERE id = :id", soci::use(hash), soci::use(id);
        replaceRoles(s, id, user.roles);
        return id;
    });
}

void UserDirectory::setPassword(const std::string& login, const std::string& password) {
    std::string hash = hashPassword(password);
    database_.inTransaction([&](soci::session& s) {
        long long id = 0;
        s << "SELECT id FROM core_user WHERE login = :l", soci::use(login), soci::into(id);
        if (!s.got_data()) throw NotFound("there is no user '" + login + "'");
        long long now = clock_.nowMs();
        s << "UPDATE core_user SET password_hash = :h, failed_logins = 0, locked_until = NULL, "
             "updated_at = :now, version = version + 1 WHERE id = :id",
            soci::use(hash), soci::use(now), soci::use(id);
        data::Records(s, actor_.userId, now).audit("core.user", id, "update", {{"password", "", "(changed)"}});
    });
}

void UserDirectory::changeOwnPassword(const std::string& login, const std::string& current, const std::string& next) {
    std::string hash = database_.withSession([&](soci::session& s) {
        std::string h;
        s << "SELECT password_hash FROM core_user WHERE login = :l", soci::use(login), soci::into(h);
        return h;
    });
    if (!hash.empty() && !verifyPassword(hash, current))
        throw ValidationError("current password", "is not right");
    setPassword(login, next);
}

void UserDirectory::setActive(const std::string& login, bool active) {
    auto user = find(login);
    if (!user) throw NotFound("there is no user '" + login + "'");
    if (!active && std::ranges::count(user->roles, "administrator")) {
        // Never lock everyone out: keep at least one active administrator.
        long long admins = database_.withSession([](soci::session& s) {
            long long n = 0;
            s << "SELECT COUNT(*) FROM core_user u JOIN core_user_role ur ON ur.user_id = u.id JOIN core_role r "
                 "ON r.id = ur.role_id WHERE r.role_key = 'administrator' AND u.active = 1",
                soci::into(n);
            return n;
        });
        if (admins <= 1) throw ValidationError("user", "'" + login + "' is the last active administrator");
    }
    database_.inTransaction([&](soci::session& s) {
        data::Records(s, actor_.userId, clock_.nowMs())
            .update("core_user", "core.user", user->id, user->version, {{"active", static_cast<long long>(active)}});
    });
}

void UserDirectory::setRoles(const std::string& login, const std::vector<std::string>& roleKeys) {
    auto user = find(login);
    if (!user) throw NotFound("there is no user '" + login + "'");
    if (roleKeys.empty()) throw ValidationError("role", "give the user at least one role");
    database_.inTransaction([&](soci::session& s) {
        replaceRoles(s, user->id, roleKeys);
        data::Records(s, actor_.userId, clock_.nowMs())
            .audit("core.user", user->id, "update", {{"roles", util::join(user->roles, ", "), util::join(roleKeys, ", ")}});
    });
}

void UserDirectory::updateProfile(long long id, int expectedVersion, const std::string& name,
                                  const std::string& phone, const std::string& mobile, const std::string& email) {
    if (name.find_first_not_of(' ') == std::string::npos) throw ValidationError("name", "must not be empty");
    database_.inTransaction([&](soci::session& s) {
        data::Records(s, actor_.userId, clock_.nowMs())
            .update("core_user", "core.user", id, expectedVersion,
                    {{"name", name}, {"phone", phone}, {"mobile", mobile}, {"email", email}});
    });
}

void UserDirectory::updatePlacement(long long id, int expectedVersion, std::optional<long long> departmentId,
                                    std::optional<long long> positionId, const std::string& extension,
                                    const std::string& agentNumber) {
    database_.inTransaction([&](soci::session& s) {
        data::Records(s, actor_.userId, clock_.nowMs())
            .update("core_user", "core.user", id, expectedVersion,
                    {{"department_id", optionalId(departmentId)},
                     {"position_id", optionalId(positionId)},
                     {"extension", extension},
                     {"agent_number", agentNumber}});
    });
}

void UserDirectory::ensureAdministrator() {
    database_.inTransaction([&](soci::session& s) {
        long long users = 0;
        s << "SELECT COUNT(*) FROM core_user", soci::into(users);
        if (users > 0) return;
        data::Records records(s, std::nullopt, clock_.nowMs());
        long long id = records.insert("core_user", "core.user", {{"login", std::string("admin")},
                                                                 {"name", std::string("Administrator")},
                                                                 {"active", 1LL}});
        replaceRoles(s, id, {"administrator"});
    });
}

}  // namespace tiller::identity
