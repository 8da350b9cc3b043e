// The screen pop (SPEC §7.2) in the real application under Xvfb: sipp calls Tiller's phone on
// 127.0.0.1 with a demo customer's number, then with an unknown Beijing mobile; the pop shows
// the customer (or the number and where it is from) before anyone answers. Screenshots:
// screen-pop-known-zh_CN.png, screen-pop-unknown-zh_CN.png, screen-pop-known-en.png.
#include "gui_runner.hpp"

#include "background_process.hpp"

#include <tiller/db/database.hpp>

#include <catch2/catch.hpp>

#include <fstream>

using namespace tiller::test;
using nlohmann::json;

namespace {


const json* dialog(const json& ui, const std::string& title) {
    for (const auto& d : ui["dialogs"])
        if (d["title"] == title) return &d;
    return nullptr;
}

// This PC's phone: straight calls on a loopback port, sound from files (no sound card here).
int setUpPhone(const TempDir& home) {
    int port = freeUdpPort();
    std::filesystem::create_directories(home / "config" / "tiller");
    std::ofstream(home / "config" / "tiller" / "dialer.yaml")
        << "sip_port: " << port << "\nbind_address: 127.0.0.1\nsound_files: true\n";
    return port;
}

// sipp calls 127.0.0.1:port from `user`; it retransmits its INVITE until Tiller listens.
std::unique_ptr<BackgroundProcess> call(const TempDir& home, int port, const std::string& user, const std::string& log) {
    return std::make_unique<BackgroundProcess>(
        std::vector<std::string>{"sipp", "-sf", std::string(TILLER_FIXTURES) + "/sipp/uac_caller.xml", "127.0.0.1:" + std::to_string(port),
                                 "-i", "127.0.0.1", "-p", std::to_string(freeUdpPort()), "-m", "1", "-nostdin", "-d", "1000", "-set",
                                 "caller_name", "", "-set", "caller_user", user, "-set", "caller_host", "127.0.0.1", "-timeout", "60s"},
        home / log);
}

}  // namespace

TEST_CASE("an incoming call pops up the customer before it is answered, an unknown number its region", "[gui][dialer]") {
    TempDir home;
    Gui gui(home);
    REQUIRE(gui.cli().run({"demo", "--customers", "30"}).exitCode == 0);
    std::string number, name, owner;
    {
        auto database = tiller::db::Database::open(tiller::db::DatabaseUrl::parse("sqlite:" + (home / "data" / "tiller" / "tiller.db").string()));
        database->withSession([&](soci::session& s) {
            s << "SELECT p.lookup_key, c.name FROM contacts_phone p JOIN contacts_customer c ON c.id = p.owner_id "
                 "WHERE p.owner_kind = 'customer' AND p.valid = 1 AND p.lookup_key LIKE '861%' ORDER BY c.id LIMIT 1",
                soci::into(number), soci::into(name);
        });
    }
    REQUIRE_FALSE(number.empty());
    int port = setUpPhone(home);

    auto known = call(home, port, "+" + number, "sipp-known.log");
    auto r = gui.run("screen-pop-known-zh_CN", {"--lang", "zh_CN", "--wait-for", "screen_pop"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const json* pop = dialog(r.ui, "来电");
    REQUIRE(pop);
    CHECK(hasText((*pop)["texts"], name));
    CHECK(hasText((*pop)["texts"], "接听"));
    CHECK(hasText((*pop)["texts"], "拒接"));
    CHECK(hasText((*pop)["texts"], "打开客户"));
    CHECK(hasText((*pop)["texts"], "最近通话"));
    REQUIRE(r.ui["bars"].contains("dialer.phone_bar"));
    CHECK(hasText(r.ui["bars"]["dialer.phone_bar"], "振铃：" + name));
    known->stop();

    auto unknown = call(home, port, "+861062345678", "sipp-unknown.log");  // a Beijing landline
    r = gui.run("screen-pop-unknown-zh_CN", {"--lang", "zh_CN", "--wait-for", "screen_pop"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    pop = dialog(r.ui, "来电");
    REQUIRE(pop);
    CHECK(hasText((*pop)["texts"], "陌生来电"));
    CHECK(hasText((*pop)["texts"], "010 6234 5678    归属地：北京市"));
    CHECK(hasText((*pop)["texts"], "新建客户"));
    unknown->stop();

    auto english = call(home, port, "+" + number, "sipp-en.log");
    r = gui.run("screen-pop-known-en", {"--lang", "en", "--wait-for", "screen_pop"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    pop = dialog(r.ui, "Incoming call");
    REQUIRE(pop);
    CHECK(hasText((*pop)["texts"], name));
    CHECK(hasText((*pop)["texts"], "Answer"));
    english->stop();
}

TEST_CASE("without an account or a phone file, the phone bar says how to set the phone up", "[gui][dialer]") {
    TempDir home;
    Gui gui(home);
    auto r = gui.run("phone-bar-not-set-up-zh_CN", {"--lang", "zh_CN"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    REQUIRE(r.ui["bars"].contains("dialer.phone_bar"));
    CHECK(hasText(r.ui["bars"]["dialer.phone_bar"], "电话未启动：尚未设置电话账号：请在 设置 > 电话 中添加"));
    CHECK(r.ui["status"][3] == "电话：无账号（设置 > 电话）");
}

TEST_CASE("Settings > Phone shows the office's phone system and this PC's extension, sound and codecs", "[gui][dialer]") {
    TempDir home;
    Gui gui(home);
    setUpPhone(home);  // the phone runs, so its sound devices and codecs are listed
    REQUIRE(gui.cli().run({"calendar", "show"}).exitCode == 0);  // a database
    auto r = gui.run("settings-phone-zh_CN", {"--lang", "zh_CN", "--open", "settings:dialer.phone"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    REQUIRE(r.ui["dialogs"].size() == 1);
    const auto& texts = r.ui["dialogs"][0]["texts"];
    for (const char* wanted : {"交换机地址", "传输协议", "通话录音", "振铃时长（秒）", "绑定本机的分机", "密码", "SIP端口", "扬声器",
                               "麦克风", "没有声卡：用文件播放和录音"})
        CHECK(hasText(texts, wanted));
    CHECK(hasText(texts, "从不"));  // recordings are off until someone turns them on
    CHECK(hasText(texts, "PCMA"));  // a codec of the running phone
}
