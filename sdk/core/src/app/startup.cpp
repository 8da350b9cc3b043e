#include <tiller/startup.hpp>

namespace tiller::startup {

std::vector<migrations::Migration> knownMigrations() { return migrations::coreMigrations(); }

OpenedDatabase openAndMigrate(const db::DatabaseUrl& url) {
    OpenedDatabase opened;
    opened.database = db::Database::open(url);
    migrations::Migrator migrator(*opened.database);
    migrator.add(knownMigrations());
    opened.migrations = migrator.apply();
    return opened;
}

}  // namespace tiller::startup
