// Long jobs report progress and a cancel leaves the data as it was, through the real hello
// plugin's demo data on both engines.
#include "test_database.hpp"

#include <tiller/runtime.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace tiller;

namespace {

struct Counting : jobs::Progress {
    std::vector<std::pair<long long, long long>> calls;
    long long cancelAt = -1;
    jobs::Verdict poll(long long done, long long total) override {
        calls.emplace_back(done, total);
        return cancelAt >= 0 && done >= cancelAt ? jobs::Verdict::cancel : jobs::Verdict::proceed;
    }
};

long long greetings(db::Database& database) {
    return database.withSession([](soci::session& s) {
        long long n = 0;
        s << "SELECT COUNT(*) FROM hello_greeting", soci::into(n);
        return n;
    });
}

}  // namespace

TEST_CASE("a long job reports its progress and a cancel leaves nothing half done", "[jobs]") {
    test::TestDatabase t;
    setenv("XDG_CONFIG_HOME", (t.dir() / "config").c_str(), 1);  // no one's disabled-plugin list
    setenv("XDG_DATA_HOME", (t.dir() / "data").c_str(), 1);
    config::Settings settings;
    settings.database = t.url();
    Runtime runtime(settings);
    runtime.loadPlugins();
    runtime.openDatabase();
    runtime.startPlugins();
    const auto* provider = [&]() -> const plugin::DemoDataProvider* {
        for (const auto& p : runtime.registry().demoDataProviders())
            if (p.id == "hello.greetings") return &p;
        return nullptr;
    }();
    REQUIRE(provider);

    Counting counting;
    provider->fill(runtime.host(), {10000, &counting});  // 1,000 greetings
    CHECK(counting.calls.size() == 10);
    CHECK(counting.calls.front() == std::pair<long long, long long>{100, 1000});
    CHECK(counting.calls.back() == std::pair<long long, long long>{1000, 1000});
    CHECK(greetings(runtime.database()) == 1000);

    Counting cancelling;
    cancelling.cancelAt = 500;
    CHECK_THROWS_AS(provider->fill(runtime.host(), {10000, &cancelling}), jobs::JobCancelled);
    CHECK(cancelling.calls.size() == 5);
    CHECK(greetings(runtime.database()) == 1000);  // the cancelled half is gone
}
