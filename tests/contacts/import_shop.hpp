// A shop for the customer import and export tests: the contacts plugin's declarations, hooks and
// migrations on the engine under test, and helpers to count what an import left behind.
#pragma once

#include "contacts_setup.hpp"
#include "core/contacts_contributions.hpp"
#include "core/customer_import.hpp"

#include "temp_dir.hpp"
#include "test_database.hpp"

#include <tiller/db/row.hpp>
#include <tiller/dictionary/dictionary.hpp>
#include <tiller/migrations/migrator.hpp>
#include <tiller/record/list.hpp>
#include <tiller/startup.hpp>

#include <filesystem>
#include <string>

namespace contacts::test {

inline std::filesystem::path fixture(const std::string& name) {
    return std::filesystem::path(TILLER_FIXTURES) / "contacts" / name;
}

// Cancels at its n-th poll.
class CancelAt : public tiller::jobs::Progress {
public:
    explicit CancelAt(int poll) : poll_(poll) {}
    tiller::jobs::Verdict poll(long long, long long) override {
        return ++polls_ >= poll_ ? tiller::jobs::Verdict::cancel : tiller::jobs::Verdict::proceed;
    }
    int polls() const { return polls_; }

private:
    int poll_;
    int polls_ = 0;
};

struct ImportShop {
    tiller::test::TestDatabase t;
    std::shared_ptr<tiller::db::Database> database = tiller::startup::openAndMigrate(t.url()).database;
    tiller::ManualClock clock{1'800'000'000'000LL};
    tiller::plugin::Registry registry;
    tiller::plugin::Host host{database, registry};

    ImportShop() { contacts::test::installContacts(registry, host, clock, {.lists = {"customers"}}); }

    long long count(const std::string& sql) {
        return database->withSession([&](soci::session& s) {
            long long n = 0;
            s << sql, soci::into(n);
            return n;
        });
    }
    std::string text(const std::string& sql) {
        return database->withSession([&](soci::session& s) {
            soci::row row;
            s << sql, soci::into(row);
            return s.got_data() ? tiller::db::displayAt(row, 0) : std::string("<none>");
        });
    }
    long long customers() { return count("SELECT COUNT(*) FROM contacts_customer"); }
    // Every table an import writes, so a test can see that nothing at all was left behind.
    long long everything() {
        return count("SELECT (SELECT COUNT(*) FROM contacts_customer) + (SELECT COUNT(*) FROM contacts_contact) + "
                     "(SELECT COUNT(*) FROM contacts_address) + (SELECT COUNT(*) FROM contacts_phone) + "
                     "(SELECT COUNT(*) FROM contacts_search) + (SELECT COUNT(*) FROM core_audit WHERE entity LIKE 'contacts.%')");
    }

    CustomerImportReport import(const std::filesystem::path& file, CustomerImportOptions options = {}) {
        if (options.category.empty()) options.category = "normal";
        tiller::jobs::Silent silent;
        return CustomerImport(host, clock).run(file, options, silent);
    }
};

}  // namespace contacts::test
