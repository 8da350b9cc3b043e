#include <tiller/db/url.hpp>
#include <tiller/errors.hpp>

#include <catch2/catch.hpp>

using tiller::db::DatabaseUrl;
using tiller::db::Engine;

TEST_CASE("a sqlite: URL names a file, relative or absolute", "[url]") {
    auto relative = DatabaseUrl::parse("sqlite:shop.db");
    CHECK(relative.engine() == Engine::sqlite);
    CHECK(relative.path() == "shop.db");
    CHECK(DatabaseUrl::parse("sqlite:/srv/tiller/我的店.db").path() == "/srv/tiller/我的店.db");
    CHECK(DatabaseUrl::parse("sqlite:///srv/x.db").path() == "/srv/x.db");
    CHECK(relative.redacted() == "sqlite:shop.db");
}

TEST_CASE("a postgresql URL gives user, password, host, port, database and options", "[url]") {
    auto url = DatabaseUrl::parse("postgresql://sales:p%40ss@127.0.0.1:5544/shop?sslmode=disable");
    CHECK(url.engine() == Engine::postgresql);
    CHECK(url.user() == "sales");
    CHECK(url.password() == "p@ss");
    CHECK(url.host() == "127.0.0.1");
    CHECK(url.port() == 5544);
    CHECK(url.database() == "shop");
    CHECK(url.options().at("sslmode") == "disable");
    CHECK(url.text() == "postgresql://sales:p%40ss@127.0.0.1:5544/shop?sslmode=disable");
    CHECK(DatabaseUrl::parse("postgres://u@localhost/db").port() == 5432);
    CHECK(DatabaseUrl::parse("postgresql://u@[::1]:6000/db").host() == "::1");
}

TEST_CASE("messages show a URL with its password hidden", "[url]") {
    auto url = DatabaseUrl::parse("postgresql://sales:secret@127.0.0.1:5544/shop");
    CHECK(url.redacted() == "postgresql://sales:***@127.0.0.1:5544/shop");
    CHECK(url.redacted().find("secret") == std::string::npos);
}

TEST_CASE("the libpq connection string quotes every value", "[url]") {
    auto url = DatabaseUrl::parse("postgresql://o%27brien:a%20b@127.0.0.1:5544/shop");
    CHECK(url.libpqConnectionString() ==
          "host='127.0.0.1' port=5544 dbname='shop' user='o\\'brien' password='a b'");
}

TEST_CASE("a URL Tiller cannot use is refused with the forms it accepts", "[url]") {
    for (const char* bad : {"mysql://u@h/db", "sqlite:", "postgresql://127.0.0.1:5432",
                            "postgresql://u@127.0.0.1:99999/db", "postgresql://u@127.0.0.1:x/db",
                            "postgresql://u@:5432/db", "shop.db"}) {
        INFO(bad);
        try {
            DatabaseUrl::parse(bad);
            FAIL("accepted");
        } catch (const tiller::DatabaseUnavailable& e) {
            CHECK_THAT(e.what(), Catch::Contains("sqlite:<path> or postgresql://"));
        }
    }
}

TEST_CASE("a refused URL never shows its password", "[url]") {
    try {
        DatabaseUrl::parse("postgresql://u:topsecret@127.0.0.1:notaport/db");
        FAIL("accepted");
    } catch (const tiller::DatabaseUnavailable& e) {
        CHECK_THAT(e.what(), !Catch::Contains("topsecret"));
        CHECK_THAT(e.what(), Catch::Contains("bad port"));
    }
}
