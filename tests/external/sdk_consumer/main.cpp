// Opens the database named on the command line and applies core's and its own migrations.
#include <tiller/db/database.hpp>
#include <tiller/migrations/migrator.hpp>

#include <iostream>

namespace consumer {
std::vector<tiller::migrations::Migration> migrations();
}

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    auto database = tiller::db::Database::open(tiller::db::DatabaseUrl::parse(argv[1]));
    tiller::migrations::Migrator migrator(*database);
    migrator.add(tiller::migrations::coreMigrations());
    migrator.add(consumer::migrations());
    auto report = migrator.apply();
    int visits = -1;
    database->withSession([&](soci::session& s) {
        s << "SELECT COUNT(*) FROM consumer_visit", soci::into(visits);
    });
    std::cout << report.applied.size() << " migrations applied; " << visits << " visits\n";
    return report.applied.size() == tiller::migrations::coreMigrations().size() + 1 && visits == 0 ? 0 : 1;
}
