// The record model's screens in the real application: a generated form, a list of a million
// rows, and its print preview, in English and Chinese, with screenshots.
#include "gui_runner.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace tiller::test;

namespace {

// A label, or the text of a group box, a choice or a field, anywhere in the described texts.

}  // namespace

TEST_CASE("a declared form opens with its sections, required marks and picklists", "[gui]") {
    TempDir home;
    Gui gui(home);
    REQUIRE(gui.cli().run({"demo", "--customers", "50"}).exitCode == 0);  // 5 greetings
    for (const auto& [lang, title, required, section, picklist] :
         {std::tuple<std::string, std::string, std::string, std::string, std::string>{"en", "Greeting", "Name *", "Visit", "Business"},
          {"zh_CN", "问候", "姓名 *", "拜访", "商务"}}) {
        auto r = gui.run("record-form-" + lang, {"--lang", lang, "--open", "record:hello.greeting:1"});
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
        REQUIRE(r.ui["dialogs"].size() == 1);
        const auto& dialog = r.ui["dialogs"][0];
        CHECK(dialog["title"].get<std::string>().rfind(title, 0) == 0);
        CHECK(hasText(dialog["texts"], required));
        CHECK(hasText(dialog["texts"], section));
        CHECK(hasText(dialog["texts"], picklist));  // the kind picklist's choices
    }
    auto fresh = gui.run("record-form-new-zh_CN", {"--lang", "zh_CN", "--open", "record:hello.greeting:new"});
    REQUIRE(fresh.exitCode == 0);
    CHECK(fresh.ui["dialogs"][0]["title"] == "新建 问候");
}

TEST_CASE("a list of a million records opens at once and prints", "[gui]") {
    TempDir home;
    Gui gui(home);
    // 1,000,000 greetings (a tenth of the size asked for); without the contacts plugin, which
    // would add ten million customers.
    REQUIRE(gui.cli().run({"plugin", "disable", "contacts"}).exitCode == 0);
    REQUIRE(gui.cli().run({"demo", "--customers", "10000000"}).exitCode == 0);
    for (const auto& lang : {std::string("en"), std::string("zh_CN")}) {
        auto r = gui.run("list-million-" + lang, {"--lang", lang, "--open", "hello.greetings"});
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
        CHECK(r.ui["current_list_rows"] == 1000000);
        CHECK(hasText(r.ui["current_tab_texts"], lang == "en" ? "1000000 records" : "1000000 条记录"));
    }
    auto print = gui.run("list-print-preview-en", {"--open", "print:hello.greetings"});
    INFO(print.err);
    REQUIRE(print.exitCode == 0);
}
