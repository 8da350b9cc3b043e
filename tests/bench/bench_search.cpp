// bench_search: the global search (contacts_search, migrations 002 and 004) over 1,000,000
// customers and 2,000,000 contacts of generated Chinese data; prints the time to fill the index,
// the p50 and p95 latency per kind of query and overall, and the cost of one SearchIndex::put
// (what saving a record adds), on SQLite and (with --pg URL or TILLER_TEST_PG_URL) on PostgreSQL.
//
//   bench_search [--customers N] [--contacts N] [--runs N] [--pg URL] [--sqlite-only]
#include "core/pinyin.hpp"
#include "core/search_index.hpp"

#include <tiller/db/database.hpp>
#include <tiller/db/dialect.hpp>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace contacts;
namespace db = tiller::db;
using Clock = std::chrono::steady_clock;

namespace {

const std::vector<std::string> kCities{"北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "南京", "西安", "苏州"};
const std::vector<std::string> kWords{"华为", "腾达", "恒信", "金鑫", "宏远", "天成", "瑞丰", "博雅", "鼎盛", "聚源",
                                      "新星", "永泰", "汇通", "中科", "明德", "富康", "安达", "锦程", "海纳", "星辉"};
const std::vector<std::string> kTrades{"科技", "贸易", "电子", "物流", "建材", "食品", "医药", "教育", "咨询", "机械"};
const std::vector<std::string> kSurnames{"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
                                         "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"};
const std::vector<std::string> kGiven{"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋",
                                      "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平",
                                      "刚", "桂", "英", "华", "文", "鹏", "辉", "玲", "建", "国"};
const std::vector<std::string> kDomains{"163.com", "qq.com", "sina.com", "example.cn", "corp.cn"};

struct Row {
    std::string kind;
    long long id;
    std::string title;
    std::vector<std::string> texts;
};

class Generator {
public:
    explicit Generator(unsigned seed) : rng_(seed) {}
    template <class T> const T& pick(const std::vector<T>& v) { return v[rng_() % v.size()]; }
    std::string digits(int n) {
        std::string s;
        for (int i = 0; i < n; ++i) s += static_cast<char>('0' + rng_() % 10);
        return s;
    }
    std::string person() { return pick(kSurnames) + pick(kGiven) + (rng_() % 2 ? pick(kGiven) : ""); }
    Row customer(long long id) {
        std::string name = pick(kCities) + pick(kWords) + pick(kWords) + pick(kTrades) + "有限公司";
        return {"customer", id, name,
                {name, "0" + digits(2) + "-" + digits(8), "info" + std::to_string(id) + "@" + pick(kDomains)}};
    }
    Row contact(long long id) {
        std::string name = person();
        return {"contact", id, name,
                {name, "1" + std::to_string(3 + rng_() % 7) + digits(9),
                 "u" + std::to_string(id) + "@" + pick(kDomains)}};
    }
    std::mt19937& rng() { return rng_; }

private:
    std::mt19937 rng_;
};

// The index's migrations as shipped. PostgreSQL: its GIN indexes are left out here and built
// after the load (much faster than row by row); they are returned to be run then.
std::vector<std::string> createSchema(db::Database& database) {
    std::vector<std::string> later;
    database.withSession([&](soci::session& s) {
        if (database.engine() == db::Engine::postgresql) s << "DROP TABLE IF EXISTS contacts_search";
        for (const char* name : {"/002_create_search_index.sql", "/004_create_short_search_index.sql"}) {
            std::ifstream file(std::string(TILLER_CONTACTS_MIGRATIONS) + name);
            std::stringstream sql;
            sql << file.rdbuf();
            for (const auto& statement : db::splitStatements(db::renderPortableSql(database.engine(), sql.str()))) {
                if (database.engine() == db::Engine::postgresql && statement.find("USING gin") != std::string::npos) {
                    later.push_back(statement);
                } else {
                    s << statement;
                }
            }
        }
    });
    return later;
}

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

void load(db::Database& database, long long customers, long long contacts) {
    const auto start = Clock::now();
    Generator gen(42);
    const long long total = customers + contacts;
    const long long batch = 20000;
    for (long long first = 0; first < total; first += batch) {
        database.inTransaction([&](soci::session& s) {
            std::string kind, title;
            SearchIndex::Entry entry;
            long long id = 0;
            soci::statement insert =
                (s.prepare << "INSERT INTO contacts_search (kind, record_id, title, title_key, haystack, short_tokens) "
                              "VALUES (:k, :i, :t, :tk, :h, :st)",
                 soci::use(kind), soci::use(id), soci::use(title), soci::use(entry.titleKey),
                 soci::use(entry.haystack), soci::use(entry.shortTokens));
            for (long long n = first; n < std::min(total, first + batch); ++n) {
                Row row = n < customers ? gen.customer(n + 1) : gen.contact(n - customers + 1);
                kind = row.kind;
                id = row.id;
                title = row.title;
                entry = SearchIndex::entryOf(row.title, row.texts);
                insert.execute(true);
            }
        });
        if ((first / batch) % 25 == 0) {
            std::fprintf(stderr, "  loaded %lld rows (%.0f s)\n", first + batch, msSince(start) / 1000);
        }
    }
    std::printf("load_rows %lld load_s %.1f\n", total, msSince(start) / 1000);
}

struct Query {
    std::string kind;
    std::string text;
};

std::vector<Query> queries(long long customers, long long contacts, int runs) {
    Generator gen(7);
    std::vector<Query> out;
    // Fragments of real rows: replay the load's generator and keep every step-th row.
    std::vector<Row> rows;
    Generator again(42);
    const long long step = std::max<long long>(1, (customers + contacts) / 2000);
    for (long long n = 0; n < customers + contacts; ++n) {
        Row row = n < customers ? again.customer(n + 1) : again.contact(n - customers + 1);
        if (n % step == 0) rows.push_back(std::move(row));
    }
    auto rowOf = [&](const std::string& kind) {
        for (;;) {
            const Row& r = rows[gen.rng()() % rows.size()];
            if (r.kind == kind) return r;
        }
    };
    for (int i = 0; i < runs; ++i) {
        out.push_back({"chinese_1", gen.pick(kSurnames)});
        out.push_back({"chinese_1_rare", std::vector<std::string>{"曾", "鑫", "翟", "邝"}[static_cast<std::size_t>(i) % 4]});
        out.push_back({"chinese_2", gen.pick(kWords)});
        out.push_back({"chinese_3plus", gen.pick(kWords) + gen.pick(kTrades)});
        out.push_back({"chinese_name", rowOf("contact").title});
        const Row person = rowOf("contact");
        out.push_back({"pinyin", fullPinyin(person.title)});
        out.push_back({"initials", initials(person.title)});
        const std::string mobile = rowOf("contact").texts[1];
        out.push_back({"phone_4", mobile.substr(7, 4)});
        out.push_back({"phone_7", mobile.substr(3, 7)});
        const std::string email = rowOf("customer").texts[2];
        out.push_back({"email", email.substr(0, email.find('@') + 1)});
    }
    return out;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}
double p95(std::vector<double> v) { return percentile(std::move(v), 0.95); }

void measure(const char* engine, db::Database& database, const std::vector<Query>& qs) {
    SearchIndex index(database);
    std::map<std::string, std::vector<double>> perKind;
    std::map<std::string, std::size_t> hitsPerKind;
    std::vector<double> all;
    // What the contacts search provider asks for someone who sees every record (contacts_search.cpp).
    const std::string scope = "(s.kind = 'customer' OR s.kind = 'contact')";
    for (int warm = 0; warm < 3; ++warm) index.search(qs[static_cast<std::size_t>(warm)].text, 20, scope);
    for (const auto& q : qs) {
        const auto start = Clock::now();
        const auto hits = index.search(q.text, 20, scope);
        const double ms = msSince(start);
        perKind[q.kind].push_back(ms);
        hitsPerKind[q.kind] += hits.size();
        all.push_back(ms);
    }
    for (const auto& [kind, times] : perKind) {
        std::printf("%s search_p95_ms{%s} %.2f (p50 %.2f, max %.2f, mean hits %.1f)\n", engine, kind.c_str(),
                    p95(times), percentile(times, 0.5), *std::max_element(times.begin(), times.end()),
                    static_cast<double>(hitsPerKind[kind]) / static_cast<double>(times.size()));
    }
    std::printf("%s search_p95_ms %.2f (p50 %.2f) over %zu queries\n", engine, p95(all), percentile(all, 0.5),
                all.size());
}

// What saving one record adds: SearchIndex::put inside the caller's transaction (as the record
// hook does), for new entries and for replacing existing ones.
void measurePut(const char* engine, db::Database& database, long long customers) {
    const int n = 5000;
    Generator gen(99);
    std::vector<Row> rows;
    for (int i = 0; i < n; ++i) rows.push_back(i % 3 == 0 ? gen.customer(10'000'000 + i) : gen.contact(10'000'000 + i));
    // The texts alone (haystack, pinyin, short tokens), without the database. CPU time: on a
    // shared machine the wall clock also counts other programs.
    const std::clock_t cpu = std::clock();
    std::size_t bytes = 0;
    for (const auto& row : rows) bytes += SearchIndex::entryOf(row.title, row.texts).haystack.size();
    std::printf("%s search_entry_cpu_us %.1f (haystack %.0f bytes)\n", engine,
                1e6 * static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC / n, static_cast<double>(bytes) / n);
    for (const bool replacing : {false, true}) {
        const std::clock_t cpuStart = std::clock();
        const auto start = Clock::now();
        database.inTransaction([&](soci::session& s) {
            for (int i = 0; i < n; ++i) {
                // Replacing: existing entries of the loaded data get new texts.
                const long long id = replacing ? 1 + (i * 7919LL) % customers : rows[static_cast<std::size_t>(i)].id;
                const auto& row = rows[static_cast<std::size_t>(i)];
                SearchIndex::put(s, replacing ? "customer" : row.kind, id, row.title, row.texts);
            }
        });
        std::printf("%s search_put_us{%s} %.1f (cpu %.1f)\n", engine, replacing ? "replace" : "new",
                    msSince(start) * 1000 / n, 1e6 * static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC / n);
    }
}

}  // namespace

int main(int argc, char** argv) {
    long long customers = 1000000, contacts = 2000000;
    int runs = 40;
    std::string pg;
    if (const char* env = std::getenv("TILLER_TEST_PG_URL")) pg = env;
    bool sqliteOnly = false, pgOnly = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string{}; };
        if (a == "--customers") customers = std::stoll(next());
        else if (a == "--contacts") contacts = std::stoll(next());
        else if (a == "--runs") runs = std::stoi(next());
        else if (a == "--pg") pg = next();
        else if (a == "--sqlite-only") sqliteOnly = true;
        else if (a == "--pg-only") pgOnly = true;
        else {
            std::fprintf(stderr, "usage: bench_search [--customers N] [--contacts N] [--runs N] [--pg URL] [--sqlite-only|--pg-only]\n");
            return 2;
        }
    }
    std::printf("customers %lld contacts %lld queries_per_kind %d\n", customers, contacts, runs);
    const auto qs = queries(customers, contacts, runs);

    if (!pgOnly) {
        const auto path = std::filesystem::temp_directory_path() / "bench_search.sqlite";
        std::filesystem::remove(path);
        auto database = db::Database::open(db::DatabaseUrl::sqliteFile(path));
        createSchema(*database);
        load(*database, customers, contacts);
        database->withSession([](soci::session& s) { s << "PRAGMA wal_checkpoint(TRUNCATE)"; });
        std::printf("sqlite file_mb %.0f\n",
                    static_cast<double>(std::filesystem::file_size(path)) / 1e6);
        measure("sqlite", *database, qs);
        measurePut("sqlite", *database, customers);
        database.reset();
        std::filesystem::remove(path);
    }
    if (!pg.empty() && !sqliteOnly) {
        auto database = db::Database::open(db::DatabaseUrl::parse(pg));
        const auto ginIndexes = createSchema(*database);
        load(*database, customers, contacts);
        const auto start = Clock::now();
        database->withSession([&](soci::session& s) {
            for (const auto& statement : ginIndexes) s << statement;
            s << "ANALYZE contacts_search";
        });
        std::printf("postgresql gin_build_s %.1f\n", msSince(start) / 1000);
        database->withSession([](soci::session& s) {
            long long bytes = 0;
            s << "SELECT pg_total_relation_size('contacts_search')", soci::into(bytes);
            std::printf("postgresql total_mb %.0f\n", static_cast<double>(bytes) / 1e6);
        });
        measure("postgresql", *database, qs);
        measurePut("postgresql", *database, customers);
        database->withSession([](soci::session& s) { s << "DROP TABLE contacts_search"; });
    }
    return 0;
}
