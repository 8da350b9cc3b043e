// The global search box of the real application (SPEC §2.12): a query typed into it is answered
// on a worker thread and the hits drop down below it, grouped by provider; screenshots in English
// and Chinese.
#include "gui_runner.hpp"

#include <catch2/catch.hpp>

using namespace tiller::test;

TEST_CASE("the global search box drops down the hits for what was typed, grouped by provider", "[gui][contacts][search]") {
    TempDir home;
    Gui gui(home);
    REQUIRE(gui.cli().run({"demo", "--customers", "300"}).exitCode == 0);

    auto en = gui.run("global-search-en", {"--lang", "en", "--search", "wangwei"});
    INFO(en.err);
    REQUIRE(en.exitCode == 0);
    const auto& search = en.ui["search"];
    CHECK(search["query"] == "wangwei");
    CHECK(search["shown"] == true);
    CHECK(search["busy"] == false);
    REQUIRE(search["groups"].size() == 1);
    const auto& group = search["groups"][0];
    CHECK(group["provider"] == "contacts.customers");
    CHECK(group["label"] == "Customers and contacts");
    REQUIRE(group["hits"].size() >= 2);
    for (const auto& hit : group["hits"]) {
        CHECK(hit["title"] == "王伟");
        CHECK_THAT(hit["detail"].get<std::string>(), Catch::StartsWith("Contact · "));
        CHECK_THAT(hit["open"].get<std::string>(), Catch::StartsWith("record:contacts.contact:"));
    }
    // The first hit is chosen: Enter opens it.
    CHECK(search["selected"] == group["hits"][0]["open"]);
    // Ctrl+K reaches the box from anywhere.
    bool shortcut = false;
    for (const auto& menu : en.ui["menus"])
        for (const auto& item : menu["items"])
            if (item["label"] == "Search everywhere") shortcut = item["shortcut"] == "Ctrl+K";
    CHECK(shortcut);

    auto zh = gui.run("global-search-zh_CN", {"--lang", "zh_CN", "--search", "华信"});
    INFO(zh.err);
    REQUIRE(zh.exitCode == 0);
    const auto& chinese = zh.ui["search"];
    CHECK(chinese["placeholder"] == "搜索客户、联系人…（Ctrl+K）");
    REQUIRE(chinese["groups"].size() == 1);
    CHECK(chinese["groups"][0]["label"] == "客户和联系人");
    REQUIRE_FALSE(chinese["groups"][0]["hits"].empty());
    for (const auto& hit : chinese["groups"][0]["hits"]) {
        CHECK_THAT(hit["title"].get<std::string>(), Catch::Contains("华信"));
        CHECK_THAT(hit["detail"].get<std::string>(), Catch::StartsWith("客户 · "));
    }

    auto none = gui.run("global-search-nothing-en", {"--lang", "en", "--search", "no such customer"});
    REQUIRE(none.exitCode == 0);
    CHECK(none.ui["search"]["groups"].empty());
    CHECK(none.ui["search"]["message"] == "Nothing found");
}
