// What a running plugin can use of the application: the database, the other plugins'
// contributions and services, events, and the permission check. The GUI, tiller-cli and the
// tests each provide one; a plugin never sees which.
#pragma once

#include <tiller/db/database.hpp>
#include <tiller/plugin/events.hpp>
#include <tiller/plugin/registry.hpp>

#include <functional>
#include <memory>
#include <string>

namespace tiller::plugin {

// Who may do what. The single-user default allows everything; the identity work replaces it.
class PermissionChecker {
public:
    virtual ~PermissionChecker() = default;
    virtual bool allows(const std::string& permission) const = 0;
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
    void setPermissions(std::shared_ptr<PermissionChecker> permissions);

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
