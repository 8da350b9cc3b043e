// List paging figures: a declared entity with a million rows behind a RecordPager, the way the
// GUI's virtual list reads it (count, first page, random jumps, the end, scrolling), for a
// sort by id (both directions), by an indexed text, by an indexed money amount with NULLs,
// and with a search text, on SQLite and (when a server is given) PostgreSQL.
//
//   bench_list [--rows N] [--jumps N] [--pg postgresql://user@127.0.0.1:port/db] [--keep]
//
// Without --pg the server comes from TILLER_TEST_PG_URL (scripts/lib/pg-server.sh sets it).
// The PostgreSQL figures use a database of their own on that server (tiller_bench_list),
// dropped at the end unless --keep is given (to look at plans with EXPLAIN ANALYZE).
#include <tiller/db/database.hpp>
#include <tiller/db/dialect.hpp>
#include <tiller/db/row.hpp>
#include <tiller/plugin/host.hpp>
#include <tiller/plugin/registry.hpp>
#include <tiller/record/entity.hpp>
#include <tiller/record/list.hpp>
#include <tiller/record/pager.hpp>
#include <tiller/record/store.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

using namespace tiller;
using Stopwatch = std::chrono::steady_clock;

namespace {

constexpr std::size_t kPageRows = 50;
const char* const kTable = "bench_deal";

const char* const kEntityYaml = R"(
id: bench.deal
table: bench_deal
label: Deal
title: name
fields:
  - {name: name, type: text, label: Name, required: true, searchable: true, indexed: true, max_length: 80}
  - {name: amount, type: money, currency: CNY, indexed: true, label: Amount}
  - {name: close_on, type: date, label: Close on}
  - {name: phone, type: phone, searchable: true, label: Phone}
)";

const char* const kListYaml = R"(
id: bench.deals
entity: bench.deal
label: Deals
columns: [id, name, amount, close_on, phone]
sort: {field: id}
custom_fields: false
)";

// The rows, the same on both engines: names are a permutation of the ids (so sorting by name
// jumps all over the table), one amount in 50 is NULL and the others repeat about ten times.
const char* const kCreateTable = R"(CREATE TABLE bench_deal (
    id         {{pk}},
    created_at {{timestamp}} NOT NULL,
    updated_at {{timestamp}} NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    name       TEXT NOT NULL,
    amount     {{money}},
    close_on   TEXT,
    phone      TEXT
))";
constexpr long long kNameStep = 7919, kAmountStep = 48271, kPhoneStep = 31337, kEpochMs = 1700000000000LL;

double msSince(Stopwatch::time_point start) {
    return std::chrono::duration<double, std::milli>(Stopwatch::now() - start).count();
}

std::string padded(long long value, int width) {
    std::string digits = std::to_string(value);
    return std::string(width > static_cast<int>(digits.size()) ? width - digits.size() : 0, '0') + digits;
}

std::string dateAfter2020(long long days) {
    using namespace std::chrono;
    year_month_day d{sys_days{year{2020} / January / 1} + std::chrono::days{days}};
    return std::to_string(static_cast<int>(d.year())) + "-" + padded(static_cast<unsigned>(d.month()), 2) + "-" +
           padded(static_cast<unsigned>(d.day()), 2);
}

void fill(db::Database& database, long long rows) {
    auto started = Stopwatch::now();
    database.withSession([&](soci::session& s) {
        s << "DROP TABLE IF EXISTS bench_deal";
        s << db::renderPortableSql(database.engine(), kCreateTable);
    });
    if (database.engine() == db::Engine::postgresql) {
        // One statement: the server makes the rows itself, no round trip per row.
        database.inTransaction([&](soci::session& s) {
            s << "INSERT INTO bench_deal (id, created_at, updated_at, version, name, amount, close_on, phone) "
                 "SELECT g, :epoch + g * 1000, :epoch2 + g * 1000, 1, "
                 "'客户 ' || lpad(CAST((g * :ns) % :n1 AS TEXT), 7, '0'), "
                 "CASE WHEN g % 50 = 0 THEN NULL ELSE ((g * :amt) % 100000) * 100 END, "
                 "to_char(DATE '2020-01-01' + CAST(g % 2000 AS INTEGER), 'YYYY-MM-DD'), "
                 "'+86138' || lpad(CAST((g * :ps) % 100000000 AS TEXT), 8, '0') "
                 "FROM generate_series(CAST(1 AS BIGINT), CAST(:n2 AS BIGINT)) AS g",
                soci::use(kEpochMs, "epoch"), soci::use(kEpochMs, "epoch2"), soci::use(kNameStep, "ns"),
                soci::use(rows, "n1"), soci::use(kAmountStep, "amt"), soci::use(kPhoneStep, "ps"),
                soci::use(rows, "n2");
        });
    } else {
        database.inTransaction([&](soci::session& s) {
            long long id = 0, at = 0, amount = 0;
            std::string name, closeOn, phone;
            soci::indicator amountNull = soci::i_ok;
            soci::statement insert =
                (s.prepare << "INSERT INTO bench_deal (id, created_at, updated_at, version, name, amount, close_on, "
                              "phone) VALUES (:id, :at, :at2, 1, :name, :amount, :close_on, :phone)",
                 soci::use(id), soci::use(at), soci::use(at), soci::use(name), soci::use(amount, amountNull),
                 soci::use(closeOn), soci::use(phone));
            for (long long g = 1; g <= rows; ++g) {
                id = g;
                at = kEpochMs + g * 1000;
                name = "客户 " + padded(g * kNameStep % rows, 7);
                amountNull = g % 50 == 0 ? soci::i_null : soci::i_ok;
                amount = g * kAmountStep % 100000 * 100;
                closeOn = dateAfter2020(g % 2000);
                phone = "+86138" + padded(g * kPhoneStep % 100000000, 8);
                insert.execute(true);
            }
        });
    }
    database.withSession([&](soci::session& s) {
        s << "CREATE INDEX bench_deal_name ON bench_deal (name, id)";
        s << "CREATE INDEX bench_deal_amount ON bench_deal (amount, id)";
        if (database.engine() == db::Engine::sqlite) {
            s << "ANALYZE";
            return;
        }
        // The visibility map lets pages be found by index-only scans, as on a server whose
        // autovacuum keeps up. Here the first VACUUM right after the load marks only part of
        // the table all-visible (the rows' hint bits are not all set yet); a second one does.
        s << "VACUUM ANALYZE bench_deal";
        s << "VACUUM bench_deal";
        long long visible = 0, pages = 0;
        s << "SELECT relallvisible, relpages FROM pg_class WHERE relname = 'bench_deal'", soci::into(visible),
            soci::into(pages);
        std::fprintf(stderr, "  %lld of %lld pages all-visible\n", visible, pages);
    });
    std::fprintf(stderr, "  filled %lld rows, indexed and analysed in %.1f s\n", rows, msSince(started) / 1000.0);
}

// One line per figure, printed as soon as it is measured (a full run takes minutes).
struct Figures {
    void add(const std::string& name, double value) {
        std::printf("%s=%.2f\n", name.c_str(), value);
        std::fflush(stdout);
    }
};

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

double p95(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, static_cast<std::size_t>(v.size() * 0.95))];
}

struct Case {
    std::string label;
    record::Query query;
};

void check(bool ok, const std::string& what) {
    if (!ok) throw std::runtime_error(what);
}

void measure(const std::string& engine, const Case& c, const std::shared_ptr<record::Store>& store,
             const record::ListDefinition& list, int jumps, Figures& out) {
    const std::string prefix = engine + "_" + c.label + "_";
    auto fresh = [&] { return std::make_unique<record::RecordPager>(store, list, c.query); };

    auto started = Stopwatch::now();
    auto pager = fresh();
    std::size_t total = pager->count();
    out.add(prefix + "list_open_count_ms", msSince(started));
    check(total > kPageRows, c.label + ": only " + std::to_string(total) + " rows match");

    started = Stopwatch::now();
    auto first = pager->rows(0, kPageRows);
    out.add(prefix + "list_first_page_ms", msSince(started));
    check(first.size() == kPageRows, c.label + ": the first page is short");

    std::mt19937_64 random(42);
    std::uniform_int_distribution<std::size_t> anywhere(0, total - kPageRows);
    std::vector<std::size_t> offsets(jumps);
    for (auto& o : offsets) o = anywhere(random);

    // Cold: a pager that has seen nothing but its count, as after a new search.
    std::vector<double> cold;
    std::vector<std::vector<long long>> coldIds;
    for (std::size_t offset : offsets) {
        auto p = fresh();
        p->count();
        started = Stopwatch::now();
        auto page = p->page(offset, kPageRows);
        cold.push_back(msSince(started));
        check(page.ids.size() == kPageRows, c.label + ": a page is short");
        coldIds.push_back(std::move(page.ids));
    }
    out.add(prefix + "list_page_cold_median_ms", median(cold));
    out.add(prefix + "list_page_cold_p95_ms", p95(cold));

    // Warm: one pager jumping around like the GUI's, finding pages from rows it has seen. The
    // rows must be the same as the cold pagers found.
    std::vector<double> warm;
    for (std::size_t i = 0; i < offsets.size(); ++i) {
        started = Stopwatch::now();
        auto page = pager->page(offsets[i], kPageRows);
        warm.push_back(msSince(started));
        check(page.ids == coldIds[i], c.label + ": the page at " + std::to_string(offsets[i]) +
                                          " differs between a fresh pager and one that has seen other pages (" +
                                          std::to_string(page.ids.size()) + " rows)");
    }
    out.add(prefix + "list_page_median_ms", median(warm));
    out.add(prefix + "list_page_p95_ms", p95(warm));

    auto last = fresh();
    last->count();
    started = Stopwatch::now();
    auto end = last->rows(total - kPageRows, kPageRows);
    out.add(prefix + "list_last_page_ms", msSince(started));
    check(end.size() == kPageRows, c.label + ": the last page is short");

    // Scrolling from the middle: each page starts right after a row the pager has seen.
    auto scroller = fresh();
    scroller->count();
    std::size_t at = total / 2;
    scroller->rows(at, kPageRows);
    std::vector<double> scroll;
    for (int i = 0; i < 100 && at + 2 * kPageRows <= total; ++i) {
        at += kPageRows;
        started = Stopwatch::now();
        auto page = scroller->rows(at, kPageRows);
        scroll.push_back(msSince(started));
        check(page.size() == kPageRows, c.label + ": a scrolled page is short");
    }
    out.add(prefix + "list_scroll_page_ms", median(scroll));

    // Scrolling across the place where the NULL amounts begin or end (one row in 50: first on
    // SQLite going up, last on PostgreSQL) must give the pages a fresh pager gives.
    for (std::size_t boundary : {total / 50, total - total / 50}) {
        auto across = fresh();
        across->count();
        std::size_t from = boundary > 2 * kPageRows ? boundary - 2 * kPageRows + 7 : 0;
        for (std::size_t offset = from; offset < boundary + 2 * kPageRows && offset + kPageRows <= total;
             offset += kPageRows) {
            auto reference = fresh();
            reference->count();
            check(across->page(offset, kPageRows).ids == reference->page(offset, kPageRows).ids,
                  c.label + ": scrolling to " + std::to_string(offset) + " gives other rows than jumping there");
        }
    }
}

void run(const std::string& engine, std::shared_ptr<db::Database> database, long long rows, int jumps,
         Figures& out) {
    std::fprintf(stderr, "%s:\n", engine.c_str());
    fill(*database, rows);

    plugin::Registry registry;
    registry.add(record::parseEntity(kEntityYaml, "bench_list.cpp (entity)", "tiller"));
    auto lookup = [&](const std::string& id) { return registry.entity(id); };
    registry.add(record::parseList(kListYaml, "bench_list.cpp (list)", "tiller", lookup));
    plugin::Host host(database, registry);
    SystemClock clock;
    auto store = std::make_shared<record::Store>(host, clock);
    const record::ListDefinition& list = *registry.list("bench.deals");

    std::vector<Case> cases(5);
    cases[0].label = "id";
    cases[1].label = "id_desc";
    cases[1].query.sortField = "id";
    cases[1].query.descending = true;
    cases[2].label = "name";
    cases[2].query.sortField = "name";
    cases[3].label = "amount";
    cases[3].query.sortField = "amount";
    cases[4].label = "search";
    cases[4].query.search = "123";  // in the name or the phone: about 1% of the rows
    for (const auto& c : cases) {
        auto started = Stopwatch::now();
        measure(engine, c, store, list, jumps, out);
        std::fprintf(stderr, "  %-8s measured in %.1f s\n", c.label.c_str(), msSince(started) / 1000.0);
    }
}

}  // namespace

int main(int argc, char** argv) {
    long long rows = 1000000;
    int jumps = 200;
    bool keep = false;
    std::string pg;
    if (const char* env = std::getenv("TILLER_TEST_PG_URL")) pg = env;
    for (int i = 1; i < argc; ++i) {
        std::string flag = argv[i];
        bool hasValue = i + 1 < argc;
        if (flag == "--keep") keep = true;
        else if (flag == "--rows" && hasValue) rows = std::atoll(argv[++i]);
        else if (flag == "--jumps" && hasValue) jumps = std::atoi(argv[++i]);
        else if (flag == "--pg" && hasValue) pg = argv[++i];
        else {
            std::fprintf(stderr, "usage: bench_list [--rows N] [--jumps N] [--pg URL] [--keep]\n");
            return 2;
        }
    }
    if (rows < 1000 || jumps < 1) {
        std::fprintf(stderr, "bench_list: --rows must be at least 1000 and --jumps at least 1\n");
        return 2;
    }
    auto scratch = std::filesystem::temp_directory_path() / "tiller-bench-list";
    std::filesystem::remove_all(scratch);
    std::filesystem::create_directories(scratch);
    Figures figures;
    std::printf("# %lld rows, pages of %zu rows, %d random jumps; times in ms\n", rows, kPageRows, jumps);
    const std::string pgDatabase = "tiller_bench_list";
    try {
        run("sqlite", db::Database::open(db::DatabaseUrl::sqliteFile(scratch / "bench.db")), rows, jumps, figures);
        if (pg.empty()) {
            std::printf("postgresql: skipped (no server: give --pg URL or set TILLER_TEST_PG_URL)\n");
        } else {
            auto server = db::DatabaseUrl::parse(pg);
            db::Database::open(server, {.poolSize = 1})->withSession([&](soci::session& s) {
                s << "DROP DATABASE IF EXISTS " + pgDatabase + " WITH (FORCE)";
                s << "CREATE DATABASE " + pgDatabase;
            });
            run("postgresql", db::Database::open(server.withDatabase(pgDatabase)), rows, jumps, figures);
            if (!keep)
                db::Database::open(server, {.poolSize = 1})->withSession([&](soci::session& s) {
                    s << "DROP DATABASE IF EXISTS " + pgDatabase + " WITH (FORCE)";
                });
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_list: %s\n", e.what());
        return 1;
    }
    if (!keep) std::filesystem::remove_all(scratch);
    return 0;
}
