// Phone lookup for the dialer's screen pop (issue 7 item 5): fill contacts_phone with N owners
// of 2 numbers each (a mobile and a Shanghai landline, stored in mixed formats with their keys
// computed by PhoneNumbers), then time PhoneIndex::find for 1,000 numbers typed in other formats.
// Target: phone_lookup_p95_ms < 5. SQLite always; PostgreSQL when a URL is given.
//
//   bench_phone_lookup [--owners N] [--pg postgresql://user@127.0.0.1:port/db]
//   (TILLER_TEST_PG_URL is used when --pg is not given)
#include "core/phone_index.hpp"

#include <tiller/db/dialect.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace tiller;
using Steady = std::chrono::steady_clock;

namespace {

double msSince(Steady::time_point start) {
    return std::chrono::duration<double, std::milli>(Steady::now() - start).count();
}

std::string pad(long long value, int width) {
    std::string digits = std::to_string(value);
    return std::string(static_cast<std::size_t>(std::max(0, width - static_cast<int>(digits.size()))), '0') + digits;
}

// Owner i has mobile 138 0iii iiii and landline 021 5iii iiii (i below 10,000,000).
std::string mobileTyped(long long i, int format) {
    const std::string m = "1380" + pad(i, 7);
    switch (format % 5) {
        case 0: return "+86 " + m.substr(0, 3) + " " + m.substr(3, 4) + " " + m.substr(7);
        case 1: return "0086-" + m;
        case 2: return m.substr(0, 3) + "-" + m.substr(3, 4) + "-" + m.substr(7);
        case 3: return "0" + m;
        default: return "+86" + m;
    }
}

std::string landlineTyped(long long i, int format) {
    const std::string l = "5" + pad(i, 7);
    switch (format % 4) {
        case 0: return "(021) " + l.substr(0, 4) + "-" + l.substr(4);
        case 1: return "021-" + l;
        case 2: return "+86 21 " + l.substr(0, 4) + " " + l.substr(4);
        default: return "021-" + l + " 转12";
    }
}

std::string readMigration() {
    std::ifstream file(TILLER_CONTACTS_MIGRATIONS "/001_create_phone_index.sql");
    if (!file) throw std::runtime_error("cannot read 001_create_phone_index.sql");
    std::stringstream sql;
    sql << file.rdbuf();
    return sql.str();
}

void run(const std::string& label, const db::DatabaseUrl& url, long long owners) {
    auto database = db::Database::open(url);
    const auto sql = db::renderPortableSql(database->engine(), readMigration());
    database->withSession([&](soci::session& s) {
        s << "DROP TABLE IF EXISTS contacts_phone";
        for (const auto& statement : db::splitStatements(sql)) s << statement;
    });

    contacts::PhoneIndex index(*database);
    const auto& numbers = index.numbers();
    auto started = Steady::now();
    const long long batch = 1000;
    database->inTransaction([&](soci::session& s) {
        std::vector<std::string> kinds(2 * batch, "customer"), raws(2 * batch), keys(2 * batch),
            e164s(2 * batch);
        std::vector<long long> ids(2 * batch), created(2 * batch, 0);
        std::vector<int> orders(2 * batch), valid(2 * batch, 1);
        for (long long done = 0; done < owners; done += batch) {
            const long long n = std::min(batch, owners - done);
            for (std::size_t k = 0; k < static_cast<std::size_t>(2 * n); ++k) {
                const long long owner = done + static_cast<long long>(k / 2);
                raws[k] = k % 2 == 0 ? mobileTyped(owner, static_cast<int>(owner))
                                     : landlineTyped(owner, static_cast<int>(owner));
                auto parsed = numbers.parse(raws[k]);
                if (!parsed.valid) throw std::runtime_error("generated an invalid number: " + raws[k]);
                e164s[k] = parsed.e164;
                keys[k] = parsed.e164.substr(1);
                ids[k] = owner;
                orders[k] = static_cast<int>(k % 2);
            }
            for (auto* v : {&kinds, &raws, &keys, &e164s}) v->resize(static_cast<std::size_t>(2 * n));
            for (auto* v : {&ids, &created}) v->resize(static_cast<std::size_t>(2 * n));
            for (auto* v : {&orders, &valid}) v->resize(static_cast<std::size_t>(2 * n));
            // One statement per batch: SOCI 4.0.3 re-sends the first batch on PostgreSQL when a
            // prepared statement is re-executed with vectors.
            s << "INSERT INTO contacts_phone (owner_kind, owner_id, sort_order, raw, lookup_key, "
                 "e164, valid, created_at) VALUES (:kind, :id, :ord, :raw, :key, :e164, :valid, :now)",
                soci::use(kinds), soci::use(ids), soci::use(orders), soci::use(raws),
                soci::use(keys), soci::use(e164s), soci::use(valid), soci::use(created);
        }
    });
    const double fillMs = msSince(started);
    if (database->engine() == db::Engine::postgresql) {
        database->withSession([](soci::session& s) { s << "ANALYZE contacts_phone"; });
    }
    std::printf("%s_phone_rows=%lld\n", label.c_str(), 2 * owners);
    std::printf("%s_phone_fill_rows_per_s=%.0f\n", label.c_str(), 2 * owners / (fillMs / 1000.0));

    const int lookups = 1000;
    std::vector<double> times;
    times.reserve(lookups);
    int misses = 0;
    for (int i = 0; i < lookups; ++i) {
        const long long owner = (i * 7919LL) % owners;
        // A different format from the one stored (format + 1).
        const std::string typed = i % 2 == 0 ? mobileTyped(owner, static_cast<int>(owner) + 1)
                                             : landlineTyped(owner, static_cast<int>(owner) + 1);
        auto t0 = Steady::now();
        auto found = index.find(typed);
        times.push_back(msSince(t0));
        if (found.size() != 1 || found[0].second != owner) ++misses;
    }
    std::sort(times.begin(), times.end());
    std::printf("%s_phone_lookup_p50_ms=%.3f\n", label.c_str(), times[lookups / 2]);
    std::printf("%s_phone_lookup_p95_ms=%.3f\n", label.c_str(), times[lookups * 95 / 100]);
    std::printf("%s_phone_lookup_max_ms=%.3f\n", label.c_str(), times.back());
    std::printf("%s_phone_lookup_misses=%d (of %d)\n", label.c_str(), misses, lookups);
    database->withSession([](soci::session& s) { s << "DROP TABLE contacts_phone"; });
}

}  // namespace

int main(int argc, char** argv) {
    long long owners = 1000000;
    std::string pg;
    if (const char* env = std::getenv("TILLER_TEST_PG_URL")) pg = env;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--owners") owners = std::atoll(argv[i + 1]);
        if (flag == "--pg") pg = argv[i + 1];
    }
    if (owners < 1 || owners > 9999999) {
        std::fprintf(stderr, "bench_phone_lookup: --owners must be 1..9999999\n");
        return 2;
    }
    const auto scratch = std::filesystem::temp_directory_path() / "tiller-bench-phone";
    std::filesystem::remove_all(scratch);
    std::filesystem::create_directories(scratch);
    try {
        run("sqlite", db::DatabaseUrl::sqliteFile(scratch / "bench.db"), owners);
        if (!pg.empty()) run("postgresql", db::DatabaseUrl::parse(pg), owners);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_phone_lookup: %s\n", e.what());
        return 1;
    }
    std::filesystem::remove_all(scratch);
    return 0;
}
