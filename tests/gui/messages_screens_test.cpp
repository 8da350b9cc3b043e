// The message box under Xvfb: a reminder that fell due while Tiller was closed fires when it
// starts (a pop-up, the status bar), and shows beside a current announcement, unread.
#include "gui_runner.hpp"

#include <catch2/catch.hpp>

using namespace tiller::test;
using nlohmann::json;

namespace {
// The rows of the message box's list: arrays of cell texts.
std::vector<json> rows(const json& ui) {
    std::vector<json> out;
    for (const auto& t : ui["current_tab_texts"])
        if (t.is_array()) out.push_back(t);
    return out;
}
bool tabHasText(const json& ui, const std::string& text) {
    for (const auto& t : ui["current_tab_texts"])
        if (t.is_string() && t == text) return true;
    return false;
}
}  // namespace

TEST_CASE("the message box shows a fired reminder and a current announcement, in English and Chinese", "[gui][messages]") {
    TempDir home;
    Gui gui(home);
    auto cli = [&](std::vector<std::string> args) {
        auto r = gui.cli().run(args);
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
    };
    cli({"announce", "--title", "Closed on National Day", "--body", "The shop is closed from 1 to 7 October."});
    cli({"remind", "hello.greeting", "7", "--at", "2020-01-01 09:00", "--note", "Call Zhang San back about the quote"});

    auto en = gui.run("message-box-en", {"--lang", "en", "--open", "shell.messages"});
    INFO(en.err);
    REQUIRE(en.exitCode == 0);
    CHECK(en.ui["current_tab"] == "Message box");
    CHECK(en.ui["navigation"][0]["label"] == "My work");
    CHECK(en.ui["navigation"][0]["items"][1]["label"] == "Message box");
    auto list = rows(en.ui);
    REQUIRE(list.size() == 2);
    CHECK(list[0][0] == "Unread");
    CHECK(list[0][1] == "Announcement");
    CHECK(list[0][2] == "Closed on National Day");
    CHECK(list[1][0] == "Unread");
    CHECK(list[1][1] == "Reminder");
    CHECK(list[1][2] == "Call Zhang San back about the quote");
    CHECK_THAT(list[1][4].get<std::string>(), Catch::EndsWith(" 7"));  // "Greetings 7" (the hello plugin's name)
    CHECK(tabHasText(en.ui, "Mark read"));
    CHECK(tabHasText(en.ui, "Mark all read"));
    CHECK(tabHasText(en.ui, "Add reminder..."));
    CHECK(en.ui["status"][0] == "Reminder: Call Zhang San back about the quote");
    CHECK(en.ui["status"][4] == "Unread messages: 2");

    // Another reminder, due while closed again; the first one fired already and stays unread.
    cli({"remind", "hello.greeting", "8", "--at", "2020-01-02 10:00", "--note", "给李四发合同"});
    auto zh = gui.run("message-box-zh_CN", {"--lang", "zh_CN", "--open", "shell.messages"});
    INFO(zh.err);
    REQUIRE(zh.exitCode == 0);
    CHECK(zh.ui["current_tab"] == "消息盒子");
    list = rows(zh.ui);
    REQUIRE(list.size() == 3);
    CHECK(list[0][1] == "公告");
    CHECK(list[1][0] == "未读");
    CHECK(list[1][1] == "提醒");
    CHECK(list[1][2] == "给李四发合同");
    CHECK_THAT(list[1][4].get<std::string>(), Catch::EndsWith(" 8"));
    CHECK(list[2][2] == "Call Zhang San back about the quote");
    CHECK(tabHasText(zh.ui, "全部标为已读"));
    CHECK(zh.ui["status"][0] == "提醒：给李四发合同");
    CHECK(zh.ui["status"][4] == "未读消息：3");

    // Read everything from the command line: the next start shows nothing unread.
    cli({"messages", "read", "--all"});
    auto read = gui.run("message-box-read-en", {"--lang", "en", "--open", "shell.messages"});
    REQUIRE(read.exitCode == 0);
    for (const auto& row : rows(read.ui)) CHECK(row[0] == "Read");
    CHECK(read.ui["status"][4] == "Unread messages: 0");
}
