// Database-layer figures: migrate a fresh database, bulk insert through bound parameters in
// one transaction, point reads through the pool, and backup, on SQLite and (when a URL is
// given) PostgreSQL.
//
//   bench_db [--rows N] [--pg postgresql://user@127.0.0.1:port/db]
#include <tiller/backup/backup.hpp>
#include <tiller/db/database.hpp>
#include <tiller/startup.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

using namespace tiller;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

void run(const std::string& label, const db::DatabaseUrl& url, int rows,
         const std::filesystem::path& scratch) {
    auto started = Clock::now();
    auto opened = startup::openAndMigrate(url);
    std::printf("%s_open_and_migrate_ms=%.1f\n", label.c_str(), msSince(started));
    auto& database = *opened.database;
    database.withSession([](soci::session& s) {
        s << "DROP TABLE IF EXISTS bench_customer";
        s << "CREATE TABLE bench_customer (id BIGINT PRIMARY KEY, name TEXT, phone TEXT)";
    });

    started = Clock::now();
    const int batch = 1000;
    database.inTransaction([&](soci::session& s) {
        std::vector<long long> ids(batch);
        std::vector<std::string> names(batch), phones(batch);
        for (int done = 0; done < rows; done += batch) {
            for (int i = 0; i < batch; ++i) {
                ids[i] = done + i;
                names[i] = "客户 " + std::to_string(done + i);
                phones[i] = "+86138" + std::to_string(10000000 + done + i);
            }
            // One statement per batch: SOCI 4.0.3 re-sends the first batch on PostgreSQL when a
            // prepared statement is re-executed with vectors.
            s << "INSERT INTO bench_customer (id, name, phone) VALUES (:id, :name, :phone)",
                soci::use(ids), soci::use(names), soci::use(phones);
        }
    });
    double insertMs = msSince(started);
    std::printf("%s_insert_rows_per_s=%.0f\n", label.c_str(), rows / (insertMs / 1000.0));

    started = Clock::now();
    const int reads = 2000;
    for (int i = 0; i < reads; ++i) {
        long long id = (i * 7919LL) % rows;
        database.withSession([&](soci::session& s) {
            std::string name;
            s << "SELECT name FROM bench_customer WHERE id = :id", soci::use(id), soci::into(name);
        });
    }
    std::printf("%s_point_read_us=%.1f\n", label.c_str(), msSince(started) * 1000.0 / reads);

    auto file = scratch / (label + ".backup");
    started = Clock::now();
    auto result = backup::backup(url, file);
    std::printf("%s_backup_ms=%.1f (%d rows, %.1f MB)\n", label.c_str(), msSince(started), rows,
                result.bytes / 1048576.0);
    database.withSession([](soci::session& s) { s << "DROP TABLE bench_customer"; });
}

}  // namespace

int main(int argc, char** argv) {
    int rows = 200000;
    std::string pg;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string flag = argv[i];
        if (flag == "--rows") rows = std::atoi(argv[i + 1]);
        if (flag == "--pg") pg = argv[i + 1];
    }
    auto scratch = std::filesystem::temp_directory_path() / "tiller-bench-db";
    std::filesystem::remove_all(scratch);
    std::filesystem::create_directories(scratch);
    try {
        run("sqlite", db::DatabaseUrl::sqliteFile(scratch / "bench.db"), rows, scratch);
        if (!pg.empty()) run("postgresql", db::DatabaseUrl::parse(pg), rows, scratch);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_db: %s\n", e.what());
        return 1;
    }
    std::filesystem::remove_all(scratch);
    return 0;
}
