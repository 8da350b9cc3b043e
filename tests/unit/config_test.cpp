#include "temp_dir.hpp"

#include <tiller/config/config.hpp>
#include <tiller/config/settings.hpp>
#include <tiller/errors.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>

using tiller::ConfigError;
namespace config = tiller::config;

namespace {
std::filesystem::path fixture(const std::string& name) {
    return std::filesystem::path(TILLER_FIXTURES) / "config" / name;
}

ConfigError refusal(const std::string& name) {
    try {
        config::loadFile(fixture(name));
    } catch (const ConfigError& e) {
        return e;
    }
    FAIL(name << " was accepted");
    return ConfigError("", 0, "", "");
}

// Sets an environment variable for one test and restores it afterwards.
struct ScopedEnv {
    std::string name;
    std::optional<std::string> old;
    ScopedEnv(std::string n, const std::string& value) : name(std::move(n)) {
        if (const char* v = std::getenv(name.c_str())) old = v;
        setenv(name.c_str(), value.c_str(), 1);
    }
    ~ScopedEnv() {
        if (old)
            setenv(name.c_str(), old->c_str(), 1);
        else
            unsetenv(name.c_str());
    }
};
}  // namespace

TEST_CASE("a valid tiller.yaml gives every setting", "[config]") {
    auto c = config::loadFile(fixture("valid.yaml"));
    CHECK(c.database == "sqlite:/srv/shop.db");
    CHECK(c.language == "zh_CN");
    CHECK(c.pluginDirs == std::vector<std::filesystem::path>{"/opt/tiller/plugins", "/srv/more"});
    CHECK(c.logLevel == tiller::log::Level::debug);
}

TEST_CASE("an empty tiller.yaml is an empty configuration", "[config]") {
    auto c = config::loadFile(fixture("empty.yaml"));
    CHECK_FALSE(c.database);
    CHECK(c.pluginDirs.empty());
}

TEST_CASE("each malformed tiller.yaml is refused naming file, line and key", "[config]") {
    struct Case {
        const char* file;
        int line;
        const char* key;
        const char* says;
    };
    for (const auto& c : {Case{"malformed_syntax.yaml", 3, "", "not valid YAML"},
                          Case{"unknown_key.yaml", 3, "databse", "not a setting"},
                          Case{"bad_log_level.yaml", 2, "log_level", "'loud' is not a log level"},
                          Case{"bad_database.yaml", 2, "database", "is not supported"},
                          Case{"list_for_scalar.yaml", 2, "language", "single value"},
                          Case{"not_a_map.yaml", 1, "", "must be a map"},
                          Case{"bad_language.yaml", 1, "language", "not a language code"},
                          Case{"bad_plugin_dirs.yaml", 2, "plugin_dirs", "list of folders"}}) {
        INFO(c.file);
        auto e = refusal(c.file);
        CHECK(e.file() == fixture(c.file).string());
        CHECK(e.line() == c.line);
        CHECK(e.key() == c.key);
        CHECK_THAT(e.what(), Catch::Contains(c.says));
        CHECK_THAT(e.what(), Catch::StartsWith(fixture(c.file).string() + ":" +
                                               std::to_string(c.line)));
    }
}

TEST_CASE("a configuration file that does not exist is refused when named", "[config]") {
    CHECK_THROWS_AS(config::loadFile(fixture("nope.yaml")), ConfigError);
}

TEST_CASE("settings come from flags, then TILLER_DB, then tiller.yaml, then defaults", "[config]") {
    tiller::test::TempDir home;
    ScopedEnv configHome("XDG_CONFIG_HOME", (home / "config").string());
    ScopedEnv dataHome("XDG_DATA_HOME", (home / "data").string());
    ScopedEnv noDb("TILLER_DB", "");

    // Nothing anywhere: the default SQLite file in the data folder.
    auto s = config::resolve({});
    CHECK(s.database.path() == home / "data" / "tiller" / "tiller.db");
    CHECK(s.logLevel == tiller::log::Level::info);

    std::filesystem::create_directories(home / "config" / "tiller");
    tiller::test::writeFile(home / "config" / "tiller" / "tiller.yaml",
                            "database: sqlite:from-file.db\nlanguage: zh_CN\nplugin_dirs: [/a]\n");
    s = config::resolve({});
    CHECK(s.database.path() == "from-file.db");
    CHECK(s.language == "zh_CN");

    ScopedEnv env("TILLER_DB", "sqlite:from-env.db");
    CHECK(config::resolve({}).database.path() == "from-env.db");

    config::Overrides flags;
    flags.database = "sqlite:from-flag.db";
    flags.language = "en";
    flags.pluginDirs = {"/b"};
    s = config::resolve(flags);
    CHECK(s.database.path() == "from-flag.db");
    CHECK(s.language == "en");
    CHECK(s.pluginDirs == std::vector<std::filesystem::path>{"/a", "/b"});
}
