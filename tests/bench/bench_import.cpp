// bench_import: the customer import (issue 7 item 8) of a generated CSV of 1,000,000 customers
// (customer, first contact, address, two phone numbers, e-mail) with everything it does:
// reading and checking every row with the Store's rules, normalising the numbers with
// libphonenumber, the duplicate checks, and writing the phone index, the search index (pinyin
// included) and the audit trail. In the same run, on the same file, sqlite3's own .import into a
// plain table gives the raw rate, and the ratio between the two is printed.
//
//   bench_import [--rows N] [--pg URL] [--sqlite-only] [--keep DIR]
//   (the PostgreSQL server: --pg, else TILLER_BENCH_PG, else TILLER_TEST_PG_URL)
#include "core/contacts_contributions.hpp"
#include "core/customer_import.hpp"
#include "core/customer_writer.hpp"

#include <tiller/db/database.hpp>
#include <tiller/dictionary/dictionary.hpp>
#include <tiller/migrations/migrator.hpp>
#include <tiller/record/entity.hpp>
#include <tiller/record/list.hpp>
#include <tiller/startup.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace db = tiller::db;
using Steady = std::chrono::steady_clock;

namespace {

const char* kCities[] = {"北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "南京", "西安", "苏州"};
const char* kWords[] = {"华为", "腾达", "恒信", "金鑫", "宏远", "天成", "瑞丰", "博雅", "鼎盛", "聚源",
                        "新星", "永泰", "汇通", "中科", "明德", "富康", "安达", "锦程", "海纳", "星辉"};
const char* kTrades[] = {"科技", "贸易", "电子", "物流", "建材", "食品", "医药", "教育", "咨询", "机械"};
const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
const char* kGiven[] = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛"};
const char* kDistricts[] = {"东城", "西城", "朝阳", "海淀", "丰台", "浦东", "黄浦", "徐汇", "静安", "天河",
                            "越秀", "南山", "福田", "西湖", "滨江", "武侯", "锦江", "江汉", "鼓楼", "雁塔",
                            "姑苏", "吴中", "和平", "河西", "江北"};
const char* kAreas[] = {"010", "020", "021", "022", "023", "024", "025", "027", "028", "029"};
const char* kStreets[] = {"建国路", "中山路", "人民路", "解放路", "长安街", "南京路", "淮海路", "天府大道"};

double secondsSince(Steady::time_point start) { return std::chrono::duration<double>(Steady::now() - start).count(); }

std::string pad(long long value, int width) {
    std::string digits = std::to_string(value);
    return std::string(static_cast<std::size_t>(std::max(0, width - static_cast<int>(digits.size()))), '0') + digits;
}

// Every customer unique in name, numbers and e-mail (duplicates would be left out, not timed).
void writeCsv(const std::filesystem::path& file, long long rows) {
    std::ofstream out(file, std::ios::binary);
    out << "客户名称,联系人,性别,手机,电话,邮箱,地址\n";
    for (long long i = 0; i < rows; ++i) {
        std::string mobile = "13" + std::to_string(5 + i % 5) + pad(i, 8);
        if (i % 4 == 1) mobile = mobile.substr(0, 3) + "-" + mobile.substr(3, 4) + "-" + mobile.substr(7);
        if (i % 4 == 2) mobile = "+86 " + mobile;
        std::string phone = std::string(kAreas[i % 10]) + "-" + std::to_string(5 + i % 4) + pad(i % 10000000, 7);
        // Unique without digits (names rarely have any): city, two words, trade, district.
        out << kCities[i % 10] << kWords[(i / 10) % 20] << kWords[(i / 200) % 20] << kTrades[(i / 4000) % 10]
            << kDistricts[(i / 40000) % 25] << "有限公司" << ',' << kSurnames[i % 10] << kGiven[(i / 10) % 15] << (i % 3 ? kGiven[(i / 150) % 15] : "") << ','
            << (i % 2 ? "女" : "男") << ',' << mobile << ',' << phone << ",info" << i << "@example.cn," << kCities[(i / 7) % 10]
            << "市" << kStreets[i % 8] << (i % 997 + 1) << "号\n";
    }
}

// sqlite3's .import of the same file into a new plain table.
double sqliteImportSeconds(const std::filesystem::path& csv, const std::filesystem::path& dir) {
    auto database = dir / "plain.db";
    std::filesystem::remove(database);
    std::string command = "sqlite3 '" + database.string() + "' -cmd '.mode csv' '.import " + csv.string() + " plain'";
    auto started = Steady::now();
    if (std::system(command.c_str()) != 0) throw std::runtime_error("sqlite3 .import failed (is the sqlite3 program installed?)");
    return secondsSince(started);
}

struct Shop {
    std::shared_ptr<db::Database> database;
    tiller::SystemClock clock;
    tiller::plugin::Registry registry;
    std::unique_ptr<tiller::plugin::Host> host;

    explicit Shop(const db::DatabaseUrl& url) : database(tiller::startup::openAndMigrate(url).database) {
        host = std::make_unique<tiller::plugin::Host>(database, registry);
        registry.setOwner("contacts");
        contacts::contribute(registry);
        auto entities = [this](const std::string& id) { return registry.entity(id); };
        for (const char* file : {"customer.yaml", "contact.yaml", "address.yaml"})
            registry.add(tiller::record::readEntity(std::string(TILLER_CONTACTS_SOURCE "/entities/") + file, "tiller-contacts"));
        registry.add(tiller::record::readList(TILLER_CONTACTS_SOURCE "/lists/customers.yaml", "tiller-contacts", entities));
        tiller::migrations::Migrator migrator(*database);
        migrator.add(registry.migrationsOf("contacts"));
        migrator.apply();
        tiller::dictionary::Dictionary(*host, clock).installSystemValues();
    }
    long long count(const std::string& table) {
        return database->withSession([&](soci::session& s) {
            long long n = 0;
            s << "SELECT COUNT(*) FROM " + table, soci::into(n);
            return n;
        });
    }
};

// Where the time goes, on the SQLite shop: reading the file alone, then reading and checking
// every row as the import's second thread does (the Store's rules, libphonenumber, the search
// entries), without writing.
void phases(const db::DatabaseUrl& url, const std::filesystem::path& csv) {
    Shop shop(url);
    contacts::CustomerFile file(csv);
    auto started = Steady::now();
    long long rows = 0;
    file.rows([&](contacts::SourceRow&) { ++rows; });
    std::printf("phase_read_seconds=%.2f\n", secondsSince(started));
    tiller::record::Store store(*shop.host, shop.clock);
    auto plan = contacts::planColumns(file.header(), {}, store.entity("contacts.customer"));
    contacts::PhoneNumbers numbers("CN");
    contacts::RowChecker checker(store, file.header(), plan, store.dictionaryId("contacts.category", "normal"), numbers);
    started = Steady::now();
    file.rows([&](contacts::SourceRow& source) {
        auto row = checker.check(source);
        if (row.problems.empty()) contacts::CustomerWriter::prepare(row);
    });
    std::printf("phase_read_and_check_seconds=%.2f (one thread)\n", secondsSince(started));
    std::fflush(stdout);
}

double importSeconds(const std::string& label, const db::DatabaseUrl& url, const std::filesystem::path& csv, long long rows) {
    Shop shop(url);
    contacts::CustomerImportOptions options;
    options.category = "normal";
    tiller::jobs::Silent silent;
    auto started = Steady::now();
    auto report = contacts::CustomerImport(*shop.host, shop.clock).run(csv, options, silent);
    double seconds = secondsSince(started);
    if (report.imported != rows)
        throw std::runtime_error(label + ": imported " + std::to_string(report.imported) + " of " + std::to_string(rows) +
                                 (report.rejected.empty() ? "" : "; line " + std::to_string(report.rejected[0].line) + ": " +
                                                                      report.rejected[0].problems[0].message));
    std::printf("%s_import_seconds=%.2f\n", label.c_str(), seconds);
    std::printf("%s_import_rows_per_s=%.0f\n", label.c_str(), rows / seconds);
    std::printf("%s_rows_written: customers=%lld contacts=%lld addresses=%lld phones=%lld search=%lld audit=%lld\n",
                label.c_str(), shop.count("contacts_customer"), shop.count("contacts_contact"), shop.count("contacts_address"),
                shop.count("contacts_phone"), shop.count("contacts_search"), shop.count("core_audit"));
    std::fflush(stdout);
    return seconds;
}

}  // namespace

int main(int argc, char** argv) {
    long long rows = 1000000;
    bool sqliteOnly = false;
    std::string pg, keep;
    if (const char* env = std::getenv("TILLER_TEST_PG_URL")) pg = env;
    if (const char* env = std::getenv("TILLER_BENCH_PG")) pg = env;
    for (int i = 1; i < argc; ++i) {
        std::string flag = argv[i];
        if (flag == "--sqlite-only") sqliteOnly = true;
        else if (flag == "--rows" && i + 1 < argc) rows = std::atoll(argv[++i]);
        else if (flag == "--pg" && i + 1 < argc) pg = argv[++i];
        else if (flag == "--keep" && i + 1 < argc) keep = argv[++i];
    }
    const auto scratch = keep.empty() ? std::filesystem::temp_directory_path() / "tiller-bench-import" : std::filesystem::path(keep);
    std::filesystem::remove_all(scratch);
    std::filesystem::create_directories(scratch);
    try {
        auto csv = scratch / "customers.csv";
        auto started = Steady::now();
        writeCsv(csv, rows);
        std::printf("rows=%lld csv_mb=%.1f generate_seconds=%.2f\n", rows, std::filesystem::file_size(csv) / 1048576.0,
                    secondsSince(started));
        double raw = sqliteImportSeconds(csv, scratch);
        std::printf("sqlite3_dot_import_seconds=%.2f\nsqlite3_dot_import_rows_per_s=%.0f\n", raw, rows / raw);
        std::fflush(stdout);
        phases(db::DatabaseUrl::sqliteFile(scratch / "phases.db"), csv);
        double sqlite = importSeconds("sqlite", db::DatabaseUrl::sqliteFile(scratch / "tiller.db"), csv, rows);
        std::printf("import_rows_per_s=%.0f\nimport_ratio_to_sqlite3_import=%.1f (target: within 3)\n", rows / sqlite, sqlite / raw);
        if (!pg.empty() && !sqliteOnly) {
            auto server = db::DatabaseUrl::parse(pg);
            {
                auto maintenance = db::Database::open(server, {.poolSize = 1});
                maintenance->withSession([](soci::session& s) {
                    s << "DROP DATABASE IF EXISTS tiller_bench_import WITH (FORCE)";
                    s << "CREATE DATABASE tiller_bench_import";
                });
            }
            double postgres = importSeconds("postgresql", server.withDatabase("tiller_bench_import"), csv, rows);
            std::printf("postgresql_ratio_to_sqlite3_import=%.1f\n", postgres / raw);
            auto maintenance = db::Database::open(server, {.poolSize = 1});
            maintenance->withSession([](soci::session& s) { s << "DROP DATABASE IF EXISTS tiller_bench_import WITH (FORCE)"; });
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_import: %s\n", e.what());
        return 1;
    }
    if (keep.empty()) std::filesystem::remove_all(scratch);
    return 0;
}
