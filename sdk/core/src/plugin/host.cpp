#include <tiller/errors.hpp>
#include <tiller/i18n/catalogs.hpp>
#include <tiller/plugin/host.hpp>

namespace tiller::plugin {

Host::Host(std::shared_ptr<db::Database> database, Registry& registry,
           std::shared_ptr<PermissionChecker> permissions)
    : database_(std::move(database)), registry_(registry), permissions_(std::move(permissions)) {}

bool Host::allows(const std::string& permission) const {
    return permission.empty() || permissions_->allows(permission);
}

void Host::require(const std::string& permission) const {
    if (allows(permission)) return;
    std::string label = permission;
    for (const auto& p : registry_.permissions())
        if (p.key == permission) label = i18n::tr(p.label);
    throw PermissionDenied(i18n::tr("You are not allowed to do this:") + " " + label);
}

std::string Host::scopeCondition(const std::string& table) const {
    for (const auto& owned : registry_.ownedTables())
        if (owned.table == table) {
            std::string condition = permissions_->condition(owned.entity, owned.ownerColumn);
            if (condition.empty() || !owned.unownedVisible) return condition;
            return "(" + condition + " OR " + owned.ownerColumn + " IS NULL)";
        }
    return "";
}

bool Host::canSee(const std::string& table, long long id) {
    std::string condition = scopeCondition(table);
    if (condition.empty()) return true;
    return database_->withSession([&](soci::session& s) {
        int n = 0;
        s << "SELECT COUNT(*) FROM " + table + " WHERE id = :id AND " + condition, soci::use(id), soci::into(n);
        return n > 0;
    });
}

void Host::setPermissions(std::shared_ptr<PermissionChecker> permissions) {
    permissions_ = std::move(permissions);
}

void Host::notify(const std::string& message) const {
    if (notifier_) notifier_(message);
}

void Host::setNotifier(std::function<void(const std::string&)> notifier) {
    notifier_ = std::move(notifier);
}

}  // namespace tiller::plugin
