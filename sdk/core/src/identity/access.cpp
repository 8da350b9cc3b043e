#include <tiller/db/row.hpp>
#include <tiller/errors.hpp>
#include <tiller/identity/access.hpp>
#include <tiller/identity/password.hpp>
#include <tiller/log/log.hpp>
#include <tiller/settings_store.hpp>

#include <algorithm>
#include <regex>

namespace tiller::identity {
namespace {
int widen(Scope a, Scope b) { return std::max(static_cast<int>(a), static_cast<int>(b)); }
}  // namespace

std::shared_ptr<AccessPolicy> AccessPolicy::load(db::Database& database, long long userId) {
    auto policy = std::make_shared<AccessPolicy>();
    database.withSession([&](soci::session& s) {
        soci::row u;
        s << "SELECT id, login, name, department_id FROM core_user WHERE id = :id", soci::use(userId), soci::into(u);
        if (!s.got_data()) throw NotFound("the user no longer exists");
        policy->user_ = {db::integerAt(u, 0), db::textAt(u, 1), db::textAt(u, 2), db::optionalIntegerAt(u, 3), {}};
        bool anyRole = false;
        soci::rowset<soci::row> roles =
            (s.prepare << "SELECT r.id, r.role_key, r.all_permissions, r.default_scope FROM core_user_role ur "
                          "JOIN core_role r ON r.id = ur.role_id WHERE ur.user_id = :id",
             soci::use(userId));
        std::vector<long long> roleIds;
        for (const auto& r : roles) {
            roleIds.push_back(db::integerAt(r, 0));
            policy->user_.roles.push_back(db::textAt(r, 1));
            policy->allPermissions_ = policy->allPermissions_ || db::integerAt(r, 2) != 0;
            auto scope = parseScope(db::textAt(r, 3)).value_or(Scope::own);
            policy->defaultScope_ = anyRole ? static_cast<Scope>(widen(policy->defaultScope_, scope)) : scope;
            anyRole = true;
        }
        for (long long roleId : roleIds) {
            soci::rowset<std::string> perms =
                (s.prepare << "SELECT permission FROM core_role_permission WHERE role_id = :r", soci::use(roleId));
            for (const auto& p : perms) policy->permissions_.insert(p);
            soci::rowset<soci::row> scopes =
                (s.prepare << "SELECT entity, scope FROM core_role_scope WHERE role_id = :r", soci::use(roleId));
            for (const auto& sc : scopes) {
                auto entity = db::textAt(sc, 0);
                auto scope = parseScope(db::textAt(sc, 1)).value_or(Scope::own);
                auto it = policy->scopes_.find(entity);
                policy->scopes_[entity] = it == policy->scopes_.end() ? scope : static_cast<Scope>(widen(it->second, scope));
            }
        }
        // Colleagues: everyone in the person's department and the departments below it.
        if (policy->user_.departmentId) {
            std::vector<long long> departments{*policy->user_.departmentId};
            soci::rowset<soci::row> all = (s.prepare << "SELECT id, parent_id FROM core_department");
            std::vector<std::pair<long long, std::optional<long long>>> edges;
            for (const auto& d : all) edges.emplace_back(db::integerAt(d, 0), db::optionalIntegerAt(d, 1));
            for (std::size_t i = 0; i < departments.size(); ++i)
                for (const auto& [id, parent] : edges)
                    if (parent == departments[i]) departments.push_back(id);
            for (long long d : departments) {
                soci::rowset<soci::row> people =
                    (s.prepare << "SELECT id FROM core_user WHERE department_id = :d", soci::use(d));
                for (const auto& p : people) policy->colleagues_.push_back(db::integerAt(p, 0));
            }
        }
        if (std::ranges::find(policy->colleagues_, userId) == policy->colleagues_.end())
            policy->colleagues_.push_back(userId);
    });
    return policy;
}

bool AccessPolicy::allows(const std::string& permission) const {
    return permission.empty() || allPermissions_ || permissions_.count(permission) > 0;
}

Scope AccessPolicy::scopeFor(const std::string& entity) const {
    // An explicit scope for the entity wins over the default, in either direction; several
    // roles give the widest. Administrators see everything.
    if (allPermissions_) return Scope::all;
    auto it = scopes_.find(entity);
    return it != scopes_.end() ? it->second : defaultScope_;
}

std::string AccessPolicy::condition(const std::string& entity, const std::string& ownerColumn) const {
    static const std::regex identifier("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");
    if (!std::regex_match(ownerColumn, identifier))
        throw ValidationError("owner column", "'" + ownerColumn + "' is not a column name");
    switch (scopeFor(entity)) {
        case Scope::all: return "";
        case Scope::own: return ownerColumn + " = " + std::to_string(user_.userId);
        case Scope::department: {
            std::string ids;
            for (long long id : colleagues_) ids += (ids.empty() ? "" : ",") + std::to_string(id);
            return ownerColumn + " IN (" + ids + ")";
        }
    }
    return ownerColumn + " = " + std::to_string(user_.userId);
}

bool Authenticator::signInRequired() const {
    return database_.withSession([](soci::session& s) {
        long long n = 0;
        s << "SELECT COUNT(*) FROM core_user WHERE active = 1", soci::into(n);
        return n > 1;
    });
}

int Authenticator::lockoutAttempts() const {
    return std::stoi(SettingsStore(database_, "core").get("lockout_attempts", "5"));
}
int Authenticator::lockoutMinutes() const {
    return std::stoi(SettingsStore(database_, "core").get("lockout_minutes", "15"));
}
void Authenticator::setLockout(int attempts, int minutes) {
    if (attempts < 1 || attempts > 100) throw ValidationError("lockout attempts", "must be between 1 and 100");
    if (minutes < 1 || minutes > 24 * 60) throw ValidationError("lockout minutes", "must be between 1 and 1440");
    SettingsStore store(database_, "core");
    store.set("lockout_attempts", std::to_string(attempts));
    store.set("lockout_minutes", std::to_string(minutes));
}

std::shared_ptr<AccessPolicy> Authenticator::signIn(const std::string& login, const std::string& password) {
    const std::string refused = "the login or the password is wrong";
    long long now = clock_.nowMs();
    struct Account {
        long long id = 0;
        std::string hash;
        bool active = false;
        int failures = 0;
        std::optional<long long> lockedUntil;
    } account;
    bool found = database_.withSession([&](soci::session& s) {
        soci::row r;
        s << "SELECT id, password_hash, active, failed_logins, locked_until FROM core_user WHERE login = :l",
            soci::use(login), soci::into(r);
        if (!s.got_data()) return false;
        account = {db::integerAt(r, 0), db::textAt(r, 1), db::integerAt(r, 2) != 0,
                   static_cast<int>(db::integerAt(r, 3)), db::optionalIntegerAt(r, 4)};
        return true;
    });
    if (!found) {
        verifyPassword("", password);  // comparable time whether or not the login exists
        log::warning("sign-in refused for an unknown login");
        throw SignInRefused(refused);
    }
    if (account.lockedUntil && *account.lockedUntil > now) {
        long long minutes = (*account.lockedUntil - now + 59'999) / 60'000;
        throw SignInRefused("the account '" + login + "' is locked after too many wrong passwords; try again in " +
                            std::to_string(minutes) + " minute(s) or ask an administrator");
    }
    if (!account.active) throw SignInRefused("the account '" + login + "' is disabled; ask an administrator");
    if (account.hash.empty())
        throw SignInRefused("the account '" + login + "' has no password yet; ask an administrator to set one");
    if (!verifyPassword(account.hash, password)) {
        int attempts = lockoutAttempts();
        int failures = account.failures + 1;
        bool lock = failures >= attempts;
        long long until = now + static_cast<long long>(lockoutMinutes()) * 60'000;
        database_.withSession([&](soci::session& s) {
            if (lock)
                s << "UPDATE core_user SET failed_logins = 0, locked_until = :u WHERE id = :id", soci::use(until),
                    soci::use(account.id);
            else
                s << "UPDATE core_user SET failed_logins = :f WHERE id = :id", soci::use(failures), soci::use(account.id);
        });
        log::warning("wrong password for '" + login + "'" + (lock ? "; account locked" : ""));
        if (lock)
            throw SignInRefused("wrong password; the account '" + login + "' is now locked for " +
                                std::to_string(lockoutMinutes()) + " minute(s)");
        throw SignInRefused(refused);
    }
    database_.withSession([&](soci::session& s) {
        s << "UPDATE core_user SET failed_logins = 0, locked_until = NULL WHERE id = :id", soci::use(account.id);
    });
    log::info("'" + login + "' signed in");
    return AccessPolicy::load(database_, account.id);
}

std::shared_ptr<AccessPolicy> Authenticator::signInAlone() {
    if (signInRequired()) throw SignInRefused("this database has several users: sign in with a login and password");
    long long id = database_.withSession([](soci::session& s) {
        long long userId = 0;
        s << "SELECT u.id FROM core_user u JOIN core_user_role ur ON ur.user_id = u.id JOIN core_role r "
             "ON r.id = ur.role_id WHERE u.active = 1 AND r.role_key = 'administrator' ORDER BY u.id",
            soci::into(userId);
        return userId;
    });
    if (id == 0) throw SignInRefused("there is no active administrator in this database");
    return AccessPolicy::load(database_, id);
}

}  // namespace tiller::identity
