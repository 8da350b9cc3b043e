// tiller-cli phone listen / phone call (issue 8 item 7) against sipp on 127.0.0.1: one JSON line
// per event, the same lookup and call log as the window's phone.
#include "sip_office.hpp"

#include "cli_runner.hpp"

#include <tiller/db/database.hpp>

#include <catch2/catch.hpp>

#include <fstream>

using namespace tiller;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

std::vector<json> jsonLines(const std::filesystem::path& file) {
    std::vector<json> out;
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] == '{') out.push_back(json::parse(line));
    return out;
}

// A shop with demo customers, and the first one's mobile ("8613...") and name.
struct CliShop {
    test::TempDir home;
    test::Cli cli{home};
    std::string db = "sqlite:" + (home / "shop.db").string();
    std::string number, name;
    CliShop() {
        REQUIRE(cli.run({"--db", db, "demo", "--customers", "5"}).exitCode == 0);
        auto database = db::Database::open(db::DatabaseUrl::parse(db));
        database->withSession([&](soci::session& s) {
            s << "SELECT p.lookup_key, c.name FROM contacts_phone p JOIN contacts_customer c ON c.id = p.owner_id "
                 "WHERE p.owner_kind = 'customer' AND p.valid = 1 AND p.lookup_key LIKE '861%' ORDER BY c.id LIMIT 1",
                soci::into(number), soci::into(name);
        });
        REQUIRE_FALSE(number.empty());
    }
    // What `cli` gives the program, for one run in the background.
    std::map<std::string, std::string> environment() const {
        return {{"XDG_CONFIG_HOME", (home / "config").string()}, {"XDG_DATA_HOME", (home / "data").string()},
                {"XDG_STATE_HOME", (home / "state").string()}};
    }
};

}  // namespace

TEST_CASE("tiller-cli phone listen prints who calls and how the call ended, as JSON lines", "[sip][cli]") {
    CliShop shop;
    int port = test::freeUdpPort();
    test::BackgroundProcess listener({TILLER_CLI_PATH, "--db", shop.db, "phone", "listen", "--sip-port", std::to_string(port), "--once",
                                      "--answer-after", "0.3", "--json", "--for", "30"},
                                     shop.home / "listen.log", shop.environment());
    for (int i = 0; i < 250 && !test::udpPortBound(port); ++i) std::this_thread::sleep_for(20ms);
    auto sipp = dialer::test::sippCalls(shop.home, port, "+" + shop.number, "王伟", 800);
    REQUIRE(listener.wait(30s) == 0);
    auto lines = jsonLines(shop.home / "listen.log");
    INFO(test::readFile(shop.home / "listen.log"));
    REQUIRE(lines.size() == 3);
    CHECK(lines[0]["event"] == "listening");
    CHECK(lines[0]["sip_port"] == port);
    CHECK(lines[1]["event"] == "incoming");
    CHECK(lines[1]["number"] == "+" + shop.number);
    CHECK(lines[1]["name"] == "王伟");
    CHECK(lines[1]["caller"]["known"] == true);
    CHECK(lines[1]["caller"]["name"] == shop.name);
    CHECK(lines[1]["lookup_ms"].get<double>() < 150);
    CHECK(lines[2]["event"] == "ended");
    CHECK(lines[2]["result"] == "answered");
    CHECK(lines[2]["talk_ms"].get<long long>() >= 500);
    CHECK(lines[2]["log_id"].get<long long>() > 0);
    CHECK(sipp->wait(5s) == 0);
}

TEST_CASE("tiller-cli phone call prints how the call ended, and refuses what is not a number", "[sip][cli]") {
    CliShop shop;
    int port = 0;
    auto busy = dialer::test::sippAnswers(shop.home, "uas_busy.xml", port);
    auto r = shop.cli.run({"--db", shop.db, "phone", "call", shop.number.substr(2), "--to",
                           "sip:" + shop.number.substr(2) + "@127.0.0.1:" + std::to_string(port), "--json"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    auto ended = json::parse(r.out);
    CHECK(ended["result"] == "busy");
    CHECK(ended["direction"] == "outgoing");
    CHECK_THAT(ended["reason"].get<std::string>(), Catch::Contains("486"));
    CHECK(busy->wait(5s) == 0);

    auto bad = shop.cli.run({"--db", shop.db, "phone", "call", "abc", "--to", "sip:abc@127.0.0.1:" + std::to_string(port)});
    CHECK(bad.exitCode != 0);
    CHECK_THAT(bad.err, Catch::Contains("'abc' is not a number to call"));
    auto noTimeout = shop.cli.run({"--db", shop.db, "phone", "call", "13800138000", "--to", "sip:x@127.0.0.1:1", "--timeout", "soon"});
    CHECK(noTimeout.exitCode != 0);
    CHECK_THAT(noTimeout.err, Catch::Contains("--timeout wants a number of seconds, not 'soon'"));
}
