// tiller-cli and plugins: listing with reasons, plugin commands, enabling, scaffolding.
#include "cli_runner.hpp"
#include "test_database.hpp"

#include <catch2/catch.hpp>

using namespace tiller;
using tiller::test::Cli;
using tiller::test::TestDatabase;

namespace {
const std::string kFixtures = TILLER_FIXTURE_PLUGINS;

nlohmann::json pluginNamed(const nlohmann::json& list, const std::string& id) {
    for (const auto& p : list["plugins"])
        if (p["id"] == id) return p;
    FAIL("no plugin " << id);
    return {};
}
}  // namespace

TEST_CASE("tiller-cli plugins shows each fixture's state and reason beside the started ones", "[cli]") {
    TestDatabase t;
    Cli cli(t.dir());
    auto r = cli.run({"--db", t.url().text(), "--plugins-dir", kFixtures, "plugins", "--json"});
    REQUIRE(r.exitCode == 0);
    auto list = r.json();
    CHECK(list["sdk"] == "1.0.0");
    CHECK(pluginNamed(list, "hello")["state"] == "started");
    CHECK(pluginNamed(list, "good_base")["state"] == "started");
    CHECK(pluginNamed(list, "good_user")["state"] == "started");
    CHECK(pluginNamed(list, "cycle_a")["state"] == "failed");
    CHECK(pluginNamed(list, "needs_failed")["reason"] == "needs throws_in_start, which failed");
    CHECK_THAT(pluginNamed(list, "no_entry_point")["reason"].get<std::string>(),
               Catch::Contains("has no Tiller entry point"));
    auto text = cli.run({"--db", t.url().text(), "--plugins-dir", kFixtures, "plugins"});
    CHECK_THAT(text.out, Catch::Contains("bad_sdk_range") && Catch::Contains("needs SDK >=99.0"));
}

TEST_CASE("plugin commands join tiller-cli and run with the plugin's services", "[cli]") {
    TestDatabase t;
    Cli cli(t.dir());
    auto r = cli.run({"--db", t.url().text(), "--plugins-dir", kFixtures, "fixture-greet", "Bob"});
    CHECK(r.exitCode == 0);
    CHECK(r.out == "hello Bob\n");
    auto status = cli.run({"--db", t.url().text(), "--plugins-dir", kFixtures, "fixture-greet"});
    CHECK(status.exitCode == 3);
    auto help = cli.run({"--plugins-dir", kFixtures, "--help"});
    CHECK_THAT(help.out, Catch::Contains("fixture-greet") && Catch::Contains("[plugin good_user]"));
    // Without the fixtures folder the command does not exist.
    CHECK(cli.run({"--db", t.url().text(), "fixture-greet", "Bob"}).exitCode == 2);
}

TEST_CASE("the hello plugin greets, fills demo data and speaks Chinese", "[cli]") {
    TestDatabase t;
    Cli cli(t.dir());
    auto greet = cli.run({"--db", t.url().text(), "hello-greet", "张三", "--json"});
    REQUIRE(greet.exitCode == 0);
    CHECK(greet.json()["greeting"] == "Hello, 张三!");
    auto demo = cli.run({"--db", t.url().text(), "--lang", "zh_CN", "demo", "--customers", "100"});
    REQUIRE(demo.exitCode == 0);
    // One line per provider, in their order (other contacts providers sit between these).
    CHECK_THAT(demo.out, Catch::StartsWith("客户: 100 customers\n"));
    CHECK_THAT(demo.out, Catch::Contains("用于查重的客户名称: 100 names prepared for the duplicate check\n"));
    CHECK_THAT(demo.out, Catch::EndsWith("问候记录: 10 greetings\n"));
    auto empty = cli.run({"--db", t.url().text(), "hello-greet"});
    CHECK(empty.exitCode == 1);
    CHECK_THAT(empty.err, Catch::Contains("name: say whom to greet"));
}

TEST_CASE("disabling a plugin persists and is undone by enabling it", "[cli]") {
    TestDatabase t;
    Cli cli(t.dir());
    REQUIRE(cli.run({"plugin", "disable", "hello"}).exitCode == 0);
    auto list = cli.run({"--db", t.url().text(), "plugins", "--json"}).json();
    CHECK(pluginNamed(list, "hello")["state"] == "disabled");
    CHECK(cli.run({"--db", t.url().text(), "hello-greet", "x"}).exitCode == 2);
    REQUIRE(cli.run({"plugin", "enable", "hello"}).exitCode == 0);
    list = cli.run({"--db", t.url().text(), "plugins", "--json"}).json();
    CHECK(pluginNamed(list, "hello")["state"] == "started");
    auto unknown = cli.run({"plugin", "disable", "nope"});
    CHECK(unknown.exitCode == 1);
    CHECK_THAT(unknown.err, Catch::Contains("there is no plugin 'nope'"));
}

TEST_CASE("tiller-cli plugin new writes a complete plugin and refuses bad ids and existing folders",
          "[cli][sqlite-only]") {
    test::TempDir dir;
    Cli cli(dir);
    auto r = cli.run({"plugin", "new", "price_list", "--dir", dir.path().string(), "--json"});
    REQUIRE(r.exitCode == 0);
    auto folder = dir / "price_list";
    for (const char* f : {"plugin.yaml", "CMakeLists.txt", "src/price_list_plugin.cpp",
                          "migrations/001_create_price_list_item.sql", "locale/zh_CN.po",
                          "tests/price_list_test.cpp", "README.md"})
        CHECK(std::filesystem::exists(folder / f));
    CHECK_THAT(test::readFile(folder / "plugin.yaml"), Catch::Contains("id: price_list"));
    CHECK_THAT(test::readFile(folder / "src/price_list_plugin.cpp"), Catch::Contains("class PriceListPlugin"));
    CHECK(cli.run({"plugin", "new", "price_list", "--dir", dir.path().string()}).exitCode == 1);
    auto bad = cli.run({"plugin", "new", "Price-List", "--dir", dir.path().string()});
    CHECK(bad.exitCode == 1);
    CHECK_THAT(bad.err, Catch::Contains("must be lower case letters"));
}
