// tiller-cli fields over the hello plugin's greeting, which takes custom fields.
#include "cli_runner.hpp"
#include "test_database.hpp"

#include <catch2/catch.hpp>

using namespace tiller;

TEST_CASE("tiller-cli fields adds custom fields and lists them in the person's language", "[cli][fields]") {
    test::TestDatabase t;
    test::Cli cli(t.dir());
    std::string db = t.url().text();
    auto empty = cli.run({"--db", db, "fields", "hello.greeting", "--json"});
    INFO(empty.err);
    REQUIRE(empty.exitCode == 0);
    CHECK(empty.json()["fields"].empty());

    auto wechat = cli.run({"--db", db, "fields", "add", "hello.greeting", "wechat", "--type", "text", "--label", "WeChat",
                           "--label-zh", "微信", "--group", "Contact", "--order", "2", "--searchable"});
    INFO(wechat.err);
    REQUIRE(wechat.exitCode == 0);
    CHECK(wechat.out == "added the custom field cf_wechat to hello.greeting\n");
    auto level = cli.run({"--db", db, "fields", "add", "hello.greeting", "level", "--type", "picklist", "--label", "Level",
                          "--dictionary", "hello.occasion", "--required", "--json"});
    INFO(level.err);
    REQUIRE(level.exitCode == 0);
    CHECK(level.json()["column"] == "cf_level");

    auto zh = cli.run({"--db", db, "--lang", "zh_CN", "fields", "hello.greeting", "--json"}).json();
    REQUIRE(zh["fields"].size() == 2);
    auto first = zh["fields"][0], second = zh["fields"][1];  // by group, then order: "" before "Contact"
    CHECK(first["name"] == "level");
    CHECK(first["type"] == "picklist");
    CHECK(first["dictionary"] == "hello.occasion");
    CHECK(first["required"] == true);
    CHECK(second["name"] == "wechat");
    CHECK(second["label"] == "微信");
    CHECK(second["group"] == "Contact");
    CHECK(second["order"] == 2);
    CHECK(second["searchable"] == true);
    auto text = cli.run({"--db", db, "fields", "hello.greeting"});
    CHECK(text.out == "level\tpicklist\tLevel\t\t0\trequired\nwechat\ttext\tWeChat\tContact\t2\tsearchable\n");
}

TEST_CASE("tiller-cli fields refuses a bad name, a built-in field's name and an unknown type", "[cli][fields]") {
    test::TestDatabase t;
    test::Cli cli(t.dir());
    std::string db = t.url().text();
    auto add = [&](const std::string& name, const std::string& type) {
        return cli.run({"--db", db, "fields", "add", "hello.greeting", name, "--type", type, "--label", "Something"});
    };
    auto badName = add("WeChat ID", "text");
    CHECK(badName.exitCode == 1);
    CHECK_THAT(badName.err, Catch::Contains("'WeChat ID' must be lower case letters, digits and _"));
    auto builtIn = add("name", "text");
    CHECK(builtIn.exitCode == 1);
    CHECK_THAT(builtIn.err, Catch::Contains("'name' is already a built-in field of Greeting"));
    auto unknownType = add("colour", "colour");
    CHECK(unknownType.exitCode == 1);
    CHECK_THAT(unknownType.err, Catch::Contains("'colour' is not a type of custom field; use one of text, long_text"));
    auto attachments = add("files2", "attachments");
    CHECK(attachments.exitCode == 1);
    auto unknownEntity = cli.run({"--db", db, "fields", "nobody.nothing"});
    CHECK(unknownEntity.exitCode == 1);
    CHECK_THAT(unknownEntity.err, Catch::Contains("there is no kind of record called nobody.nothing"));
    // The second of two fields with one name is refused, and nothing was added by the refusals.
    REQUIRE(add("colour", "text").exitCode == 0);
    auto twice = add("colour", "text");
    CHECK(twice.exitCode == 1);
    CHECK_THAT(twice.err, Catch::Contains("there is already a custom field 'colour'"));
    auto listed = cli.run({"--db", db, "fields", "hello.greeting", "--json"}).json();
    CHECK(listed["fields"].size() == 1);
    auto noEntity = cli.run({"--db", db, "fields"});
    CHECK(noEntity.exitCode == 2);
}
