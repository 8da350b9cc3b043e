// The desktop keyring (a real gnome-keyring-daemon on a private D-Bus) and a PostgreSQL role
// that needs a password: it is asked for once, kept in the keyring when the person says so,
// and never written to tiller.yaml.
#include "temp_dir.hpp"

#include <tiller/errors.hpp>
#include <tiller/runtime.hpp>
#include <tiller/secrets/keyring.hpp>

#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>

using namespace tiller;

namespace {
db::DatabaseUrl passwordUrl() {
    const char* url = std::getenv("TILLER_TEST_PG_PASSWORD_URL");
    if (!url) throw std::runtime_error("TILLER_TEST_PG_PASSWORD_URL is not set: run through scripts/test");
    return db::DatabaseUrl::parse(url);
}
std::string password() { return std::getenv("TILLER_TEST_PG_PASSWORD"); }

config::Settings settingsFor(const db::DatabaseUrl& url) {
    config::Settings s;
    s.database = url;
    return s;
}
}  // namespace

TEST_CASE("the keyring keeps, finds and forgets a database password", "[keyring]") {
    auto url = db::DatabaseUrl::parse("postgresql://someone@127.0.0.1:5999/shop");
    secrets::forgetDatabasePassword(url);
    CHECK_FALSE(secrets::databasePassword(url));
    secrets::storeDatabasePassword(url, "口令-with-unicode");
    CHECK(secrets::databasePassword(url) == "口令-with-unicode");
    CHECK_FALSE(secrets::databasePassword(url.withDatabase("other")));
    secrets::forgetDatabasePassword(url);
    CHECK_FALSE(secrets::databasePassword(url));
}

TEST_CASE("the keyring keeps a plugin's password by kind and key, apart from database passwords", "[keyring]") {
    secrets::forgetSecret("sip", "8001@127.0.0.1");
    CHECK_FALSE(secrets::secret("sip", "8001@127.0.0.1"));
    secrets::storeSecret("sip", "8001@127.0.0.1", "分机-secret");
    CHECK(secrets::secret("sip", "8001@127.0.0.1") == "分机-secret");
    CHECK_FALSE(secrets::secret("sip", "8002@127.0.0.1"));
    CHECK_FALSE(secrets::secret("smtp", "8001@127.0.0.1"));
    CHECK_FALSE(secrets::databasePassword(db::DatabaseUrl::parse("postgresql://8001@127.0.0.1:5999/shop")));
    secrets::forgetSecret("sip", "8001@127.0.0.1");
    CHECK_FALSE(secrets::secret("sip", "8001@127.0.0.1"));
}

TEST_CASE("a server password is asked for once and then comes from the keyring", "[keyring]") {
    test::TempDir home;
    setenv("XDG_CONFIG_HOME", (home / "config").c_str(), 1);
    setenv("XDG_DATA_HOME", (home / "data").c_str(), 1);
    // A database of its own, so the maintenance database stays empty for the other tests.
    auto server = db::Database::open(passwordUrl().withPassword(password()), {.poolSize = 1});
    std::string name = "tiller_keyring_" + std::to_string(::getpid());
    server->withSession([&](soci::session& s) { s << "CREATE DATABASE " + name; });
    auto url = passwordUrl().withDatabase(name);
    secrets::forgetDatabasePassword(url);
    {
        Runtime runtime(settingsFor(url));
        CHECK_THROWS_AS(runtime.openDatabase(), DatabasePasswordNeeded);
        runtime.useDatabasePassword("not-the-password", false);
        CHECK_THROWS_AS(runtime.openDatabase(), DatabasePasswordNeeded);
        runtime.useDatabasePassword(password(), true);  // "Remember the password"
        CHECK_NOTHROW(runtime.openDatabase());
    }
    {
        Runtime again(settingsFor(url));  // the URL still has no password
        CHECK_NOTHROW(again.openDatabase());
    }
    // Nothing Tiller keeps on disk holds the password.
    if (std::filesystem::exists(home / "config"))
        for (const auto& f : std::filesystem::recursive_directory_iterator(home / "config"))
            if (f.is_regular_file()) CHECK(test::readFile(f.path()).find(password()) == std::string::npos);
    secrets::forgetDatabasePassword(url);
    {
        Runtime forgotten(settingsFor(url));
        CHECK_THROWS_AS(forgotten.openDatabase(), DatabasePasswordNeeded);
    }
    server->withSession([&](soci::session& s) { s << "DROP DATABASE " + name + " WITH (FORCE)"; });
}
