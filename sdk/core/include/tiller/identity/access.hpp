// Who is signed in, and what they may do and see. One AccessPolicy per signed-in person;
// the Host consults it for every command, view, list, search, export and record lookup, so
// neither the shell nor a plugin can forget a check.
#pragma once

#include <tiller/clock.hpp>
#include <tiller/db/database.hpp>
#include <tiller/identity/people.hpp>
#include <tiller/plugin/host.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace tiller::identity {

struct SignedIn {
    long long userId = 0;
    std::string login, name;
    std::optional<long long> departmentId;
    std::vector<std::string> roles;
};

class AccessPolicy : public plugin::PermissionChecker {
public:
    // Reads the person's roles, permissions, scopes and department tree.
    static std::shared_ptr<AccessPolicy> load(db::Database& database, long long userId);

    const SignedIn& user() const { return user_; }
    bool allows(const std::string& permission) const override;
    // The widest scope any of the person's roles gives for this kind of record.
    Scope scopeFor(const std::string& entity) const;
    // SQL condition on a table's owner column for `entity` ("" = sees everything). Built only
    // from ids read from the database, never from text a person typed.
    std::string condition(const std::string& entity, const std::string& ownerColumn) const override;
    std::optional<long long> userId() const override { return user_.userId; }

private:
    SignedIn user_;
    bool allPermissions_ = false;
    std::set<std::string> permissions_;
    std::map<std::string, Scope> scopes_;  // entity -> widest explicit scope
    Scope defaultScope_ = Scope::own;
    std::vector<long long> colleagues_;  // users in the person's department and below
};

// Signing in (SPEC §1.7): Argon2id-checked password, lockout after the configured number of
// failures for the configured minutes (core settings `lockout_attempts`, `lockout_minutes`).
class Authenticator {
public:
    Authenticator(db::Database& database, const Clock& clock) : database_(database), clock_(clock) {}

    // True when the database has more than one active user (a lone shopkeeper never signs in).
    bool signInRequired() const;
    // Throws SignInRefused with the reason (never saying whether the login exists).
    std::shared_ptr<AccessPolicy> signIn(const std::string& login, const std::string& password);
    // Single-user mode: the one administrator, without a password.
    std::shared_ptr<AccessPolicy> signInAlone();

    int lockoutAttempts() const;
    int lockoutMinutes() const;
    void setLockout(int attempts, int minutes);

private:
    db::Database& database_;
    const Clock& clock_;
};

}  // namespace tiller::identity
