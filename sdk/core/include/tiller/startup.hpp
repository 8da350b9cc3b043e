// What every Tiller program does before its real work: open the company database and bring
// its schema up to date. Shared by the GUI and the CLI so both behave the same.
#pragma once

#include <tiller/db/database.hpp>
#include <tiller/migrations/migrator.hpp>

#include <memory>
#include <vector>

namespace tiller::startup {

// Every migration this program ships, in the order they must run (core, then plugins).
std::vector<migrations::Migration> knownMigrations();

struct OpenedDatabase {
    std::shared_ptr<db::Database> database;
    migrations::MigrationReport migrations;
};

// Opens `url` and applies pending migrations. Throws DatabaseUnavailable / MigrationError.
OpenedDatabase openAndMigrate(const db::DatabaseUrl& url);

}  // namespace tiller::startup
