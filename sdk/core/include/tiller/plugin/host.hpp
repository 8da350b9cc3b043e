// What a running plugin can use of the application: the database, the other plugins'
// contributions and services, events, and the permission check. The GUI, tiller-cli and the
// tests each provide one; a plugin never sees which.
#pragma once

#include <tiller/db/database.hpp>
#include <tiller/plugin/events.hpp>
#include <tiller/plugin/registry.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace tiller::plugin {

// Who may do what, and which records they see. Tiller installs the signed-in person's
// identity::AccessPolicy; AllowEverything serves tools and tests that act as the system.
class PermissionChecker {
public:
    virtual ~PermissionChecker() = default;
    virtual bool allows(const std::string& permission) const = 0;
    // SQL condition limiting `ownerColumn` of records of `entity` to what the person may see;
    // "" when they see everything.
    virtual std::string condition(const std::string& entity, const std::string& ownerColumn) const {
        (void)entity;
        (void)ownerColumn;
        return "";
    }
    // The acting person, for audit trails and owner columns.
    virtual std::optional<long long> userId() const { return std::nullopt; }
};

class AllowEverything : public PermissionChecker {
public:
    bool allows(const std::string&) const override { return true; }
};

class Host {
public:
    Host(std::shared_ptr<db::Database> database, Registry& registry,
         std::shared_ptr<PermissionChecker> permissions = std::make_shared<AllowEverything>());
    virtual ~Host() = default;

    db::Database& database() { return *database_; }
    std::shared_ptr<db::Database> sharedDatabase() { return database_; }
    const Registry& registry() const { return registry_; }
    EventBus& events() { return events_; }

    bool allows(const std::string& permission) const;
    // Throws PermissionDenied naming the permission's label when it is not allowed; services
    // call it so a permission holds however they are reached.
    void require(const std::string& permission) const;
    void setPermissions(std::shared_ptr<PermissionChecker> permissions);
    const PermissionChecker& access() const { return *permissions_; }
    std::optional<long long> actingUser() const { return permissions_->userId(); }

    // The data-scope condition for a table declared with an OwnedTable contribution
    // ("" for other tables or when the person sees everything). Lists, search, export and
    // record lookups add it to their WHERE clause.
    std::string scopeCondition(const std::string& table) const;
    // Whether the person may see row `id` of `table` (a record opened by id).
    bool canSee(const std::string& table, long long id);

    template <class T>
    std::shared_ptr<T> service() const {
        return registry_.service<T>();
    }

    // A short message for the person at the keyboard ("Added 3 greetings"): the GUI shows it
    // in the status bar, tiller-cli on stderr.
    void notify(const std::string& message) const;
    void setNotifier(std::function<void(const std::string&)> notifier);

private:
    std::function<void(const std::string&)> notifier_;
    std::shared_ptr<db::Database> database_;
    Registry& registry_;
    EventBus events_;
    std::shared_ptr<PermissionChecker> permissions_;
};

}  // namespace tiller::plugin
