// The organisation and the people in it (SPEC §1.1, §1.2): units and departments in a tree,
// positions, users with their roles, and roles with their permissions and data scopes. Every
// change is audited and version-checked through tiller::data::Records.
#pragma once

#include <tiller/clock.hpp>
#include <tiller/db/database.hpp>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace tiller::identity {

enum class Scope { own, department, all };
std::string_view scopeName(Scope scope);
std::optional<Scope> parseScope(std::string_view text);

struct Department {
    long long id = 0;
    std::optional<long long> parentId;  // none for the top unit
    std::string name;
    std::string phone;
    bool isUnit = false;
    int version = 1;
};

struct Position {
    long long id = 0;
    std::string name;
    bool isSystem = false;
};

struct User {
    long long id = 0;
    std::string login, name, phone, mobile, email;
    std::optional<long long> departmentId, positionId;
    std::string extension, agentNumber;
    bool active = true;
    bool hasPassword = false;
    std::vector<std::string> roles;  // role keys
    int version = 1;
};

struct NewUser {
    std::string login, name, phone, mobile, email;
    std::optional<long long> departmentId, positionId;
    std::string extension, agentNumber;
    std::vector<std::string> roles;
    std::string password;  // may be empty only for the first administrator
};

struct Role {
    long long id = 0;
    std::string key, name;
    bool builtIn = false;
    bool allPermissions = false;
    Scope defaultScope = Scope::own;
};

// Who is acting, for the audit trail (nullopt: the system itself, e.g. a migration).
struct Actor {
    std::optional<long long> userId;
};

class Organisation {
public:
    Organisation(db::Database& database, const Clock& clock, Actor actor)
        : database_(database), clock_(clock), actor_(actor) {}

    std::vector<Department> departments() const;  // parents before children, by sort order
    // Rules: a unit needs a name and a phone; only the top unit has no parent.
    long long addDepartment(const Department& department);
    void updateDepartment(const Department& department);  // Conflict when stale
    // Refused while the department has people or sub-departments.
    void removeDepartment(long long id);
    // The department and every department below it.
    std::vector<long long> subtree(long long id) const;

    std::vector<Position> positions() const;
    long long addPosition(const std::string& name);

private:
    db::Database& database_;
    const Clock& clock_;
    Actor actor_;
};

class UserDirectory {
public:
    UserDirectory(db::Database& database, const Clock& clock, Actor actor)
        : database_(database), clock_(clock), actor_(actor) {}

    std::vector<User> users() const;
    std::optional<User> find(const std::string& login) const;
    std::optional<User> find(long long id) const;
    long long activeCount() const;

    long long add(const NewUser& user);
    void setPassword(const std::string& login, const std::string& password);
    // A person changing their own password must know the current one.
    void changeOwnPassword(const std::string& login, const std::string& current, const std::string& next);
    void setActive(const std::string& login, bool active);
    void setRoles(const std::string& login, const std::vector<std::string>& roleKeys);
    // What a person may change about themselves (个人设置).
    void updateProfile(long long id, int expectedVersion, const std::string& name, const std::string& phone,
                       const std::string& mobile, const std::string& email);
    // Assigns department, position, extension and agent number.
    void updatePlacement(long long id, int expectedVersion, std::optional<long long> departmentId,
                         std::optional<long long> positionId, const std::string& extension,
                         const std::string& agentNumber);

    // A new database gets one administrator ("admin", no password: single-user mode).
    void ensureAdministrator();

private:
    db::Database& database_;
    const Clock& clock_;
    Actor actor_;
};

class RoleBook {
public:
    RoleBook(db::Database& database, const Clock& clock, Actor actor)
        : database_(database), clock_(clock), actor_(actor) {}

    std::vector<Role> roles() const;
    std::optional<Role> find(const std::string& key) const;
    long long add(const std::string& key, const std::string& name, Scope defaultScope);
    std::set<std::string> permissions(const std::string& roleKey) const;
    void setPermissions(const std::string& roleKey, const std::set<std::string>& permissions);
    // Scope per kind of record; entities without an entry use the role's default.
    std::vector<std::pair<std::string, Scope>> scopes(const std::string& roleKey) const;
    void setScope(const std::string& roleKey, const std::string& entity, Scope scope);
    void setDefaultScope(const std::string& roleKey, Scope scope);

    // Grants each permission seen for the first time to the built-in roles it names.
    void grantNewPermissions(const std::vector<std::pair<std::string, std::vector<std::string>>>& declared);

private:
    void auditRole(soci::session& session, const Role& role, const std::string& field,
                   const std::string& before, const std::string& after);

    db::Database& database_;
    const Clock& clock_;
    Actor actor_;
};

}  // namespace tiller::identity
