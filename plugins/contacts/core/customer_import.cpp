#include "core/customer_import.hpp"

#include "core/checked_batches.hpp"
#include "core/customer_writer.hpp"
#include "core/duplicate_finder.hpp"
#include "core/import_duplicates.hpp"
#include "core/import_text.hpp"

#include <tiller/db/transaction.hpp>
#include <tiller/dictionary/dictionary.hpp>
#include <tiller/i18n/catalogs.hpp>

#include <csv.h>

#include <cstdio>
#include <memory>

namespace contacts {
namespace {

constexpr long long kEventsPerRecord = 1000;  // more new customers than this: one event for all
// SQLite's page cache while an import writes (KiB): a million rows in six tables with their
// indexes outgrow the default 2 MB, and every page pushed out is written and read back.
constexpr long long kImportCacheKiB = 128 * 1024;

// A larger SQLite page cache for the import's session, given back afterwards (the session
// returns to the pool). Nothing on PostgreSQL.
class LargeCache {
public:
    explicit LargeCache(soci::session& session) : session_(session), sqlite_(session.get_backend_name() == "sqlite3") {
        if (!sqlite_) return;
        session_ << "PRAGMA cache_size", soci::into(before_);
        session_ << "PRAGMA cache_size = " + std::to_string(-kImportCacheKiB);
    }
    ~LargeCache() {
        if (!sqlite_) return;
        try {
            session_ << "PRAGMA cache_size = " + std::to_string(before_);
        } catch (...) {
            // The session is still usable with the larger cache.
        }
    }
    LargeCache(const LargeCache&) = delete;
    LargeCache& operator=(const LargeCache&) = delete;

private:
    soci::session& session_;
    bool sqlite_;
    long long before_ = -2000;
};

std::optional<long long> categoryId(tiller::record::Store& store, tiller::plugin::Host& host, const tiller::Clock& clock,
                                    const std::string& category) {
    if (auto id = store.dictionaryId("contacts.category", category)) return id;
    std::string names;
    for (const auto& v : tiller::dictionary::Dictionary(host, clock).values("contacts.category"))
        names += (names.empty() ? "" : ", ") + v.nameIn(tiller::i18n::language());
    throw tiller::ValidationError("category", say(N_("there is no customer category '{1}'; the categories are: {2}"), {category, names}));
}

}  // namespace

ImportPreview CustomerImport::preview(const std::filesystem::path& path, const CustomerImportOptions& options, std::size_t rows) {
    tiller::record::Store store(host_, clock_);
    CustomerFile file(path, options.read);
    ImportPreview preview;
    preview.format = file.format();
    preview.encoding = file.encoding();
    preview.header = file.header();
    preview.rows = file.firstRows(rows);
    preview.plan = planColumns(file.header(), options.map, store.entity("contacts.customer"));
    return preview;
}

CustomerImportReport CustomerImport::run(const std::filesystem::path& path, const CustomerImportOptions& options,
                                         tiller::jobs::Progress& progress) {
    host_.require("contacts.import");
    tiller::record::Store store(host_, clock_);
    const auto& customer = store.entity("contacts.customer");
    CustomerFile file(path, options.read);
    ColumnPlan plan = planColumns(file.header(), options.map, customer);

    std::optional<long long> category;
    if (!options.category.empty()) {
        category = categoryId(store, host_, clock_, options.category);
    } else if (std::find(plan.targets.begin(), plan.targets.end(), "category_id") == plan.targets.end()) {
        throw tiller::ValidationError("category", say(N_("the file has no category column: choose the category for every row")));
    }

    CustomerImportReport report;
    report.file = path;
    report.format = file.format();
    report.encoding = file.encoding();
    report.dryRun = options.dryRun;
    report.category = options.category;
    report.header = file.header();
    for (std::size_t i = 0; i < plan.targets.size(); ++i)
        if (!plan.targets[i].empty()) report.columns.emplace_back(report.header[i], plan.targets[i]);
    report.unknownColumns = plan.unknown;
    report.notes = plan.notes;

    // The whole file is read once before anything is written: a broken file stops here.
    long long total = 0;
    file.rows([&](SourceRow&) { ++total; });

    // Customers loaded in bulk earlier may lack the normalised names duplicates are found by.
    tiller::jobs::Silent silent;
    DuplicateFinder(host_).fillMissingKeys(silent);

    PhoneNumbers numbers("CN");
    RowChecker checker(store, report.header, plan, category, numbers);

    std::vector<long long> newIds;
    long long failedNear = 0;
    try {
        host_.database().withSession([&](soci::session& session) {
            LargeCache cache(session);
            tiller::db::Transaction transaction(session, tiller::db::Transaction::Mode::immediate);
            // PostgreSQL plans the duplicate probes without statistics for the rows this
            // transaction adds, takes the growing tables for small ones and scans them for each
            // batch; the indexes are always the right answer here.
            if (session.get_backend_name() == "postgresql") session << "SET LOCAL enable_seqscan = off";
            CustomerWriter writer(host_, session, store, clock_.nowMs());
            ImportDuplicates duplicates(session);
            // Rows are read and checked on another thread while this one writes.
            CheckedBatches batches(file, checker, options.batchRows);
            for (auto batch = batches.next(); !batch.empty(); batch = batches.next()) {
                report.rowsRead += static_cast<long long>(batch.size());
                std::vector<CheckedRow*> good;
                for (auto& row : batch)
                    if (row.problems.empty()) good.push_back(&row);
                duplicates.check(good);
                for (auto& row : batch) {
                    failedNear = row.line;
                    if (!row.problems.empty()) {
                        if (row.duplicate) ++report.duplicates;
                        report.rejected.push_back({row.line, std::move(row.cells), std::move(row.problems), row.duplicate});
                        continue;
                    }
                    auto [customerId, contactId] = writer.write(row);
                    duplicates.remember(row.line, customerId);
                    if (newIds.size() <= static_cast<std::size_t>(kEventsPerRecord)) newIds.push_back(customerId);
                    ++report.imported;
                    report.withoutContact += row.missingContact;
                    report.withoutGender += row.missingGender;
                    for (auto& f : row.flagged) report.flagged.push_back(std::move(f));
                }
                writer.flush();
                tiller::jobs::checkpoint(progress, report.rowsRead, total);
            }
            report.contacts = writer.contacts();
            report.addresses = writer.addresses();
            // Polled last before the commit too: a cancel at the very end still changes nothing.
            tiller::jobs::checkpoint(progress, report.rowsRead, total);
            if (!options.dryRun) transaction.commit();  // a dry run rolls everything back here
        });
    } catch (const tiller::jobs::JobCancelled&) {
        throw;
    } catch (const tiller::DatabaseUnavailable&) {
        throw;
    } catch (const BadImportFile&) {
        throw;
    } catch (const tiller::Error& failure) {
        throw tiller::DatabaseError(say(N_("the import stopped near line {1} ({2}); nothing was imported"),
                                        {std::to_string(failedNear), failure.what()}));
    }
    if (report.withoutContact > 0)
        report.notes.push_back(say(N_("{1} customers have no contact and {2} contacts no gender: rule 004 asks for them; complete them on the card"),
                                   {std::to_string(report.withoutContact), std::to_string(report.withoutGender)}));
    else if (report.withoutGender > 0)
        report.notes.push_back(say(N_("{1} contacts have no gender: rule 004 asks for it; complete it on the card"),
                                   {std::to_string(report.withoutGender)}));
    if (!options.dryRun && report.imported > 0) {
        if (report.imported <= kEventsPerRecord)
            for (long long id : newIds) host_.events().publish(tiller::plugin::RecordSaved{"contacts.customer", id});
        else
            host_.events().publish(tiller::plugin::RecordSaved{"contacts.customer", 0});  // many: look again
    }
    return report;
}

void writeImportErrors(const CustomerImportReport& report, const std::filesystem::path& file) {
    std::unique_ptr<FILE, int (*)(FILE*)> out(std::fopen(file.c_str(), "wb"), &std::fclose);
    if (!out) throw tiller::Error(say(N_("cannot write {1} (missing folder or not permitted)"), {file.string()}));
    std::fputs("\xEF\xBB\xBF", out.get());  // Excel and WPS then read the Chinese right
    auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i) std::fputc(',', out.get());
            csv_fwrite(out.get(), cells[i].data(), cells[i].size());
        }
        std::fputs("\r\n", out.get());
    };
    std::vector<std::string> header{say(N_("line")), say(N_("reason"))};
    header.insert(header.end(), report.header.begin(), report.header.end());
    line(header);
    for (const auto& row : report.rejected) {
        std::string reason;
        for (const auto& p : row.problems)
            reason += (reason.empty() ? "" : "; ") + (p.column.empty() ? p.message : p.column + ": " + p.message);
        std::vector<std::string> cells{std::to_string(row.line), reason};
        cells.insert(cells.end(), row.cells.begin(), row.cells.end());
        line(cells);
    }
    if (std::fflush(out.get()) != 0 || std::ferror(out.get()))
        throw tiller::Error(say(N_("cannot write {1} (disk full?)"), {file.string()}));
}

std::vector<std::string> reportLines(const CustomerImportReport& report) {
    std::vector<std::string> lines;
    for (const auto& row : report.rejected)
        for (const auto& p : row.problems)
            lines.push_back(say(N_("line {1}: {2}"), {std::to_string(row.line), p.column.empty() ? p.message : p.column + ": " + p.message}));
    for (const auto& f : report.flagged)
        lines.push_back(say(N_("line {1}: {2}: '{3}' is not a valid number ({4}); imported as typed"),
                            {std::to_string(f.line), f.column, f.number, f.reason}));
    return lines;
}

}  // namespace contacts
