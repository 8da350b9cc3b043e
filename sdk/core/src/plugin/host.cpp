#include <tiller/plugin/host.hpp>

namespace tiller::plugin {

Host::Host(std::shared_ptr<db::Database> database, Registry& registry,
           std::shared_ptr<PermissionChecker> permissions)
    : database_(std::move(database)), registry_(registry), permissions_(std::move(permissions)) {}

bool Host::allows(const std::string& permission) const {
    return permission.empty() || permissions_->allows(permission);
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
