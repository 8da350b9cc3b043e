#include <tiller/record/import.hpp>

#include "csv_rows.hpp"

#include <tiller/db/transaction.hpp>
#include <tiller/i18n/catalogs.hpp>

#include <csv.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace tiller::record {
namespace {

constexpr long long kPollEvery = 100;  // rows between two progress polls

std::string trim(const std::string& s) {
    auto begin = s.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos) return "";
    return s.substr(begin, s.find_last_not_of(" \t\r\n") - begin + 1);
}

// Headers match whatever their case and surrounding spaces.
std::string key(const std::string& s) {
    std::string k = trim(s);
    std::transform(k.begin(), k.end(), k.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return k;
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

bool importable(const Field& f) { return hasColumn(f.type) && !f.readOnly && f.enabled; }

// Every name a person may give a field's column, strongest first: the field's name, then its
// labels (English, every language given, the running language), then a custom field's name
// without "cf_". A name two fields share goes to the first that has it.
std::map<std::string, const Field*> namesOf(const Entity& e) {
    std::map<std::string, const Field*> names;
    auto add = [&](const std::string& name, const Field& f) {
        if (!blank(name)) names.emplace(key(name), &f);
    };
    for (const auto& f : e.fields)
        if (importable(f)) add(f.name, f);
    for (const auto& f : e.fields) {
        if (!importable(f)) continue;
        add(f.label.source, f);
        for (const auto& [language, text] : f.label.byLanguage) add(text, f);
        add(i18n::tr(f.label), f);
    }
    for (const auto& f : e.fields)
        if (importable(f) && f.custom && f.name.rfind("cf_", 0) == 0) add(f.name.substr(3), f);
    return names;
}

// Which field each column of the header fills (nullptr: none).
std::vector<const Field*> mapColumns(const Entity& e, const ImportOptions& options, ImportReport& report) {
    auto names = namesOf(e);
    std::map<std::string, std::string> explicitMap;
    for (const auto& [header, field] : options.mapping) explicitMap[key(header)] = field;
    std::vector<const Field*> columns;
    std::map<const Field*, std::string> taken;
    for (const auto& header : report.header) {
        const Field* f = nullptr;
        if (auto m = explicitMap.find(key(header)); m != explicitMap.end()) {
            if (!blank(m->second)) {
                auto n = names.find(key(m->second));
                if (n == names.end())
                    throw ValidationError(header, "the map sends this column to '" + m->second + "', which is not a field of " +
                                                      e.label.source + " that can be imported");
                f = n->second;
            }
        } else if (auto n = names.find(key(header)); n != names.end()) {
            f = n->second;
        } else if (!blank(header)) {  // Excel often adds empty columns at the right
            report.unknownColumns.push_back(header);
        }
        if (f) {
            if (auto other = taken.find(f); other != taken.end())
                throw ValidationError(header, "the columns '" + other->second + "' and '" + header + "' both give " +
                                                  i18n::tr(f->label) + "; map one of them to another field or leave it out");
            taken[f] = header;
            report.columns.emplace_back(header, f->name);
        }
        columns.push_back(f);
    }
    return columns;
}

class Importer {
public:
    Importer(Store& store, const Entity& entity, std::vector<const Field*> columns, ImportReport& report)
        : store_(store), entity_(entity), columns_(std::move(columns)), report_(report) {}

    // Checks one data row and, with a session, inserts it when it is good.
    void take(CsvRow& row, soci::session* session) {
        if (std::all_of(row.cells.begin(), row.cells.end(), blank)) return;
        ++report_.rowsRead;
        std::vector<ImportProblem> problems;
        Input input;
        for (std::size_t i = 0; i < row.cells.size(); ++i) {
            const std::string& cell = row.cells[i];
            if (i >= columns_.size()) {
                if (!blank(cell))
                    problems.push_back({"", "", "has " + std::to_string(row.cells.size()) + " values but the header names only " +
                                                    std::to_string(columns_.size()) + " columns"});
                break;
            }
            if (!columns_[i] || blank(cell)) continue;
            if (cell.find('\0') != std::string::npos)
                problems.push_back({columns_[i]->name, report_.header[i], "contains a NUL character, which cannot be stored"});
            else
                input.emplace_back(columns_[i]->name, cell);
        }
        std::vector<FieldError> errors;
        data::Values values = store_.prepareNew(entity_.id, input, errors);
        for (const auto& error : errors) problems.push_back({error.field, columnOf(error.field), error.message});
        if (!problems.empty()) {
            report_.rejected.push_back({row.line, std::move(row.cells), std::move(problems)});
            return;
        }
        ++report_.imported;
        if (!session) return;
        try {
            ids_.push_back(store_.insertNew(*session, entity_.id, values));
        } catch (...) {
            failedOn_ = row.line;
            throw;
        }
    }

    const std::vector<long long>& ids() const { return ids_; }
    long long failedOn() const { return failedOn_; }

private:
    std::string columnOf(const std::string& field) const {
        for (std::size_t i = 0; i < columns_.size(); ++i)
            if (columns_[i] && columns_[i]->name == field) return report_.header[i];
        const Field* f = entity_.field(field);
        return f ? i18n::tr(f->label) : field;
    }

    Store& store_;
    const Entity& entity_;
    std::vector<const Field*> columns_;
    ImportReport& report_;
    std::vector<long long> ids_;
    long long failedOn_ = 0;
};

}  // namespace

ImportReport importCsv(Store& store, const std::string& entityId, const std::filesystem::path& csv,
                       const ImportOptions& options, jobs::Progress& progress) {
    const Entity& e = store.entity(entityId);
    if (!e.editPermission.empty()) store.host().require(e.editPermission);
    ImportReport report;
    report.entity = entityId;
    report.dryRun = options.dryRun;

    // A first reading checks the whole file (UTF-8, quotes) before any data is touched and
    // counts the rows for the progress bar.
    long long total = 0;
    bool headerRead = false;
    readCsvRows(csv, [&](CsvRow& row) {
        if (!headerRead) {
            headerRead = true;
            for (auto& cell : row.cells) report.header.push_back(trim(cell));
        } else if (!std::all_of(row.cells.begin(), row.cells.end(), blank)) {
            ++total;
        }
    });
    if (!headerRead)
        throw ValidationError(csv.filename().string(), "the file is empty; its first line must name the columns");
    auto columns = mapColumns(e, options, report);

    Importer importer(store, e, std::move(columns), report);
    auto read = [&](soci::session* session) {
        bool header = true;
        readCsvRows(csv, [&](CsvRow& row) {
            if (header) {
                header = false;
                return;
            }
            long long before = report.rowsRead;
            importer.take(row, session);
            if (report.rowsRead != before && report.rowsRead % kPollEvery == 0) jobs::checkpoint(progress, report.rowsRead, total);
        });
        // Polled last before the commit too: a cancel at the very end still changes nothing.
        jobs::checkpoint(progress, report.rowsRead, total);
    };
    if (options.dryRun) {
        read(nullptr);
        return report;
    }
    try {
        store.host().database().withSession([&](soci::session& s) {
            db::Transaction transaction(s, db::Transaction::Mode::immediate);
            read(&s);
            transaction.commit();
        });
    } catch (const jobs::JobCancelled&) {
        throw;
    } catch (const DatabaseUnavailable&) {
        throw;
    } catch (const Error& failure) {
        if (importer.failedOn() == 0) throw;
        throw DatabaseError("line " + std::to_string(importer.failedOn()) + " could not be saved (" + failure.what() +
                            "); nothing was imported");
    }
    for (long long id : importer.ids()) store.host().events().publish(plugin::RecordSaved{e.id, id});
    return report;
}

void writeErrorFile(const ImportReport& report, const std::filesystem::path& file) {
    std::unique_ptr<FILE, int (*)(FILE*)> out(std::fopen(file.c_str(), "wb"), &std::fclose);
    if (!out) throw Error("cannot write " + file.string() + " (missing folder or not permitted)");
    std::fputs("\xEF\xBB\xBF", out.get());  // Excel and WPS then read the Chinese right
    auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i) std::fputc(',', out.get());
            csv_fwrite(out.get(), cells[i].data(), cells[i].size());
        }
        std::fputs("\r\n", out.get());
    };
    std::vector<std::string> header{"line", "reason"};
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
    if (std::fflush(out.get()) != 0 || std::ferror(out.get())) throw Error("cannot write " + file.string() + " (disk full?)");
}

std::map<std::string, std::string> readImportMap(const std::filesystem::path& file) {
    YAML::Node root;
    try {
        root = YAML::LoadFile(file.string());
    } catch (const YAML::BadFile&) {
        throw ConfigError(file.string(), 0, "", "cannot open the file (no such file, or not permitted)");
    } catch (const YAML::Exception& e) {
        throw ConfigError(file.string(), e.mark.line + 1, "", e.msg);
    }
    if (!root.IsMap())
        throw ConfigError(file.string(), root.Mark().line + 1, "",
                          "expected one 'column header: field name' per line (客户名称: name)");
    std::map<std::string, std::string> mapping;
    for (const auto& entry : root) {
        std::string header = entry.first.as<std::string>();
        if (!entry.second.IsScalar() && !entry.second.IsNull())
            throw ConfigError(file.string(), entry.second.Mark().line + 1, header, "expected the name of a field");
        mapping[header] = entry.second.IsNull() ? "" : entry.second.as<std::string>();
    }
    return mapping;
}

}  // namespace tiller::record
