#include <tiller/errors.hpp>
#include <tiller/plugin/manifest.hpp>

#include <catch2/catch.hpp>

using tiller::ConfigError;
using tiller::plugin::readManifest;

namespace {
std::filesystem::path manifest(const std::string& name) {
    return std::filesystem::path(TILLER_FIXTURES) / "manifests" / name;
}
}  // namespace

TEST_CASE("a complete plugin.yaml is read without loading code", "[manifest]") {
    auto m = readManifest(manifest("valid.yaml"));
    CHECK(m.id == "sample");
    CHECK(m.name.source == "Sample");
    CHECK(m.name.byLanguage.at("zh_CN") == "样例");
    CHECK(m.name.domain == "tiller-sample");
    CHECK(m.version.text() == "2.1.0");
    CHECK(m.sdk.text() == "^1.0");
    CHECK(m.license == "Apache-2.0");
    CHECK(m.vendor == "Acme");
    CHECK(m.library == "libsample.so");
    REQUIRE(m.depends.size() == 3);
    CHECK(m.depends[0].id == "contacts");
    CHECK_FALSE(m.depends[0].optional);
    CHECK(m.depends[1].optional);
    CHECK(m.depends[2].id == "tickets");
    REQUIRE(m.permissions.size() == 1);
    CHECK(m.permissions[0].key == "sample.view");
    CHECK(m.forms == std::vector<std::string>{"forms/a.yaml"});
    CHECK(m.folder() == manifest("valid.yaml").parent_path());
}

TEST_CASE("each malformed plugin.yaml is refused naming the file, line and key", "[manifest]") {
    struct Case {
        const char* file;
        int line;
        const char* key;
        const char* says;
    };
    for (const auto& c : {Case{"unknown_key.yaml", 6, "homepage", "not a plugin.yaml key"},
                          Case{"bad_id.yaml", 1, "id", "lower case letters"},
                          Case{"missing_name.yaml", 0, "name", "is missing"},
                          Case{"missing_license.yaml", 0, "license", "is missing"},
                          Case{"bad_version.yaml", 3, "version", "'first' is not a version"},
                          Case{"bad_sdk.yaml", 4, "sdk", "'<two' is not a version"},
                          Case{"depends_not_list.yaml", 6, "depends", "must be a list"},
                          Case{"depends_on_itself.yaml", 7, "depends", "cannot depend on itself"},
                          Case{"foreign_permission.yaml", 7, "permissions", "must look like sample.action"},
                          Case{"library_path.yaml", 6, "library", "file name beside plugin.yaml"},
                          Case{"name_without_english.yaml", 2, "name", "at least an 'en' text"},
                          Case{"form_outside.yaml", 6, "forms", "inside the plugin's folder"},
                          Case{"bad_indent.yaml", 2, "", "not valid YAML"}}) {
        INFO(c.file);
        try {
            readManifest(manifest(c.file));
            FAIL("accepted");
        } catch (const ConfigError& e) {
            CHECK(e.file() == manifest(c.file).string());
            CHECK(e.line() == c.line);
            CHECK(e.key() == c.key);
            CHECK_THAT(e.what(), Catch::Contains(c.says));
        }
    }
}
