#include <tiller/runtime.hpp>

#include <tiller/dictionary/dictionary.hpp>
#include <tiller/i18n/catalogs.hpp>
#include <tiller/identity/people.hpp>
#include <tiller/secrets/keyring.hpp>
#include <tiller/log/log.hpp>
#include <tiller/record/approval_states.hpp>
#include <tiller/startup.hpp>

namespace tiller {

Runtime::Runtime(config::Settings settings) : settings_(std::move(settings)) {
    i18n::setLanguage(i18n::resolveLanguage(settings_.language));
    i18n::addCatalogFolder(shellCatalogFolder(), "tiller");
    plugin::PluginManager::Options options;
    options.folders = plugin::defaultPluginFolders();
    options.folders.insert(options.folders.end(), settings_.pluginDirs.begin(),
                           settings_.pluginDirs.end());
    options.disabled = plugin::loadDisabledPlugins();
    plugins_ = std::make_unique<plugin::PluginManager>(std::move(options));
    registerCorePermissions();
}

namespace {
// Until someone signs in, nothing may be done.
class NobodySignedIn : public plugin::PermissionChecker {
public:
    bool allows(const std::string&) const override { return false; }
    std::string condition(const std::string&, const std::string&) const override { return "1 = 0"; }
};
}  // namespace

void Runtime::registerCorePermissions() {
    registry_.setOwner("core");
    registry_.setOwnerName("core", i18n::Text(N_("Tiller"), "tiller"));
    for (const auto& [key, label] : std::vector<std::pair<const char*, const char*>>{
             {"core.users", N_("Manage users, roles and the organisation")},
             {"core.backup", N_("Back up the database")},
             {"core.restore", N_("Restore the database from a backup")},
             {"core.plugins", N_("Enable and disable plugins")},
             {"core.settings", N_("Change settings")},
             {"core.flows", N_("Edit approval flows")},
             {"core.fields", N_("Add and change custom fields")},
             {"core.demo", N_("Add demo data")},
             {"messages.announce", N_("Publish announcements")}})
        registry_.add(plugin::Permission{key, label, "", {}});
    registry_.add(plugin::Permission{"core.mail", N_("Send email"), "", {"sales", "service"}});
    registry_.setOwner("shell");
}

void Runtime::prepareIdentity() {
    identity::UserDirectory(*database_, *clock_, {}).ensureAdministrator();
    std::vector<std::pair<std::string, std::vector<std::string>>> declared;
    for (const auto& p : registry_.permissions()) declared.emplace_back(p.key, p.grantTo);
    identity::RoleBook(*database_, *clock_, {}).grantNewPermissions(declared);
}

void Runtime::closeDatabase() {
    approvalStates_.reset();
    host_.reset();
    database_.reset();
}

bool Runtime::signInRequired() {
    if (!database_) openDatabase();
    return identity::Authenticator(*database_, *clock_).signInRequired();
}

void Runtime::signIn(const std::string& login, const std::string& password) {
    if (!database_) openDatabase();
    policy_ = identity::Authenticator(*database_, *clock_).signIn(login, password);
    host_->setPermissions(policy_);
}

void Runtime::signInAlone() {
    if (!database_) openDatabase();
    policy_ = identity::Authenticator(*database_, *clock_).signInAlone();
    host_->setPermissions(policy_);
}

Runtime::~Runtime() {
    plugins_->stop();
}

std::filesystem::path Runtime::shellCatalogFolder() {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return exe.parent_path().parent_path() / "share" / "locale";
}

void Runtime::loadPlugins() { plugins_->loadAndContribute(registry_); }

void Runtime::useDatabasePassword(const std::string& password, bool remember) {
    settings_.database = settings_.database.withPassword(password);
    if (remember) secrets::storeDatabasePassword(settings_.database, password);
}

migrations::MigrationReport Runtime::openDatabase() {
    // A server password not in the URL may be in the desktop keyring.
    if (settings_.database.engine() == db::Engine::postgresql && settings_.database.password().empty())
        if (auto kept = secrets::databasePassword(settings_.database))
            settings_.database = settings_.database.withPassword(*kept);
    auto opened = startup::openAndMigrate(settings_.database);
    database_ = opened.database;
    auto report = opened.migrations;
    auto own = plugins_->migrate(*database_, registry_);
    report.applied.insert(report.applied.end(), own.applied.begin(), own.applied.end());
    report.alreadyApplied += own.alreadyApplied;
    host_ = std::make_unique<plugin::Host>(database_, registry_, std::make_shared<NobodySignedIn>());
    prepareIdentity();
    dictionary::Dictionary(*host_, *clock_).installSystemValues();
    return report;
}

void Runtime::startPlugins() {
    if (!host_) openDatabase();
    if (!policy_) signInAlone();
    plugins_->start(*host_, registry_);
    approvalStates_ = record::followApprovals(*host_, *clock_);
}

std::vector<migrations::Migration> Runtime::knownMigrations() const {
    auto all = startup::knownMigrations();
    for (const auto& p : plugins_->plugins()) {
        auto own = registry_.migrationsOf(p.manifest.id);
        all.insert(all.end(), own.begin(), own.end());
    }
    return all;
}

}  // namespace tiller
