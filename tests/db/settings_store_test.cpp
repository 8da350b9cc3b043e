#include "test_database.hpp"

#include <tiller/settings_store.hpp>
#include <tiller/startup.hpp>

#include <catch2/catch.hpp>

using namespace tiller;

TEST_CASE("settings are kept per owner and overwritten in place", "[settings]") {
    test::TestDatabase t;
    auto database = startup::openAndMigrate(t.url()).database;
    SettingsStore hello(*database, "hello"), other(*database, "other");
    CHECK_FALSE(hello.get("salutation"));
    CHECK(hello.get("salutation", "Hello") == "Hello");
    hello.set("salutation", "你好");
    other.set("salutation", "Hi");
    hello.set("salutation", "您好");
    CHECK(hello.get("salutation") == "您好");
    CHECK(other.get("salutation") == "Hi");
}
