#include "core/import_export_contributions.hpp"

#include "core/customer_export.hpp"
#include "core/customer_import.hpp"
#include "core/import_text.hpp"

#include <tiller/clock.hpp>
#include <tiller/i18n/catalogs.hpp>
#include <tiller/record/store.hpp>

#include <nlohmann/json.hpp>

#include <iostream>

namespace contacts {
namespace {

using namespace tiller::plugin;
using nlohmann::json;

std::string option(const CliInvocation& call, const char* name) {
    auto it = call.values.find(name);
    return it == call.values.end() ? std::string() : it->second;
}

FileFormat formatOption(const std::string& text, std::initializer_list<FileFormat> allowed) {
    auto format = formatFromName(text);
    if (!format || std::find(allowed.begin(), allowed.end(), *format) == allowed.end()) {
        std::string names;
        for (auto f : allowed) names += (names.empty() ? "" : ", ") + std::string(formatName(f));
        throw tiller::ValidationError("format", say(N_("'{1}' is not a format; use one of {2}"), {text, names}));
    }
    return *format;
}

json toJson(const CustomerImportReport& r) {
    json rejected = json::array();
    for (const auto& row : r.rejected) {
        json problems = json::array();
        for (const auto& p : row.problems) problems.push_back({{"column", p.column}, {"message", p.message}});
        rejected.push_back({{"line", row.line}, {"duplicate", row.duplicate}, {"problems", problems}});
    }
    json flagged = json::array();
    for (const auto& f : r.flagged) flagged.push_back({{"line", f.line}, {"column", f.column}, {"number", f.number}, {"reason", f.reason}});
    json columns = json::object();
    for (const auto& [header, target] : r.columns) columns[header] = target;
    return {{"file", r.file.string()},  {"format", formatName(r.format)}, {"encoding", r.encoding},
            {"dry_run", r.dryRun},      {"category", r.category},         {"rows", r.rowsRead},
            {"imported", r.imported},   {"contacts", r.contacts},         {"addresses", r.addresses},
            {"duplicates", r.duplicates}, {"rejected", rejected},         {"flagged_phones", flagged},
            {"columns", columns},       {"unknown_columns", r.unknownColumns}, {"notes", r.notes}};
}

std::string summary(const CustomerImportReport& r) {
    std::string text = say(r.dryRun ? N_("dry run: {1} of {2} rows would be imported as customers ({3} contacts, {4} addresses); nothing was changed")
                                    : N_("imported {1} of {2} rows as customers ({3} contacts, {4} addresses)"),
                           {std::to_string(r.imported), std::to_string(r.rowsRead), std::to_string(r.contacts),
                            std::to_string(r.addresses)});
    if (!r.rejected.empty())
        text += "\n" + say(N_("{1} rows rejected, {2} of them duplicates"), {std::to_string(r.rejected.size()), std::to_string(r.duplicates)});
    if (!r.flagged.empty()) text += "\n" + say(N_("{1} phone numbers are not valid and were kept as typed"), {std::to_string(r.flagged.size())});
    for (const auto& line : reportLines(r)) text += "\n" + line;
    if (!r.unknownColumns.empty()) {
        text += "\n" + say(N_("columns left out (nothing by that name; map them with --map):"));
        for (const auto& c : r.unknownColumns) text += " '" + c + "'";
    }
    for (const auto& note : r.notes) text += "\n" + say(N_("note: {1}"), {note});
    return text;
}

void importCommand(Registry& registry) {
    CliCommand c;
    c.name = "import customers";
    c.summary = "Import customers from a CSV, TXT, Excel (.xlsx) or vCard (.vcf) file; exit 1 when rows were rejected";
    c.argumentsName = "FILE";
    c.options = {{"format", "csv, txt, xlsx or vcf (default: from the file)"},
                 {"encoding", "auto, utf-8, gbk, gb18030 or utf-16 (default: auto)"},
                 {"map", "A YAML file of 'column header: target' lines (客户名称: name, 微信: cf_wechat)"},
                 {"category", "The customer category of every row (a name or code)"},
                 {"dry-run", "Check every row and report, but import nothing", true},
                 {"errors", "Write the rejected rows with their line and reason to this CSV file"}};
    c.permission = "contacts.import";
    c.run = [](Host& host, const CliInvocation& call, std::ostream& out) {
        if (call.arguments.size() != 1) throw tiller::ValidationError("FILE", say(N_("give exactly one file to import")));
        tiller::SystemClock clock;
        tiller::record::Store store(host, clock);
        CustomerImportOptions options;
        if (auto f = option(call, "format"); !f.empty())
            options.read.format = formatOption(f, {FileFormat::csv, FileFormat::txt, FileFormat::xlsx, FileFormat::vcf});
        if (auto e = option(call, "encoding"); !e.empty()) options.read.encoding = e;
        if (auto m = option(call, "map"); !m.empty()) options.map = readColumnMap(m, store.entity("contacts.customer"));
        options.category = option(call, "category");
        options.dryRun = call.values.count("dry-run") > 0;
        tiller::jobs::Silent silent;
        auto report = CustomerImport(host, clock).run(call.arguments[0], options, call.progress ? *call.progress : silent);
        if (auto errors = option(call, "errors"); !errors.empty()) writeImportErrors(report, errors);
        if (call.json)
            out << toJson(report).dump(2) << '\n';
        else
            out << summary(report) << '\n';
        if (report.rejected.empty()) return 0;
        std::cerr << "tiller-cli: "
                  << say(N_("{1} of {2} rows were rejected"), {std::to_string(report.rejected.size()), std::to_string(report.rowsRead)})
                  << '\n';
        return 1;
    };
    registry.add(c);
}

void exportCommand(Registry& registry) {
    CliCommand c;
    c.name = "export customers";
    c.summary = "Export the customers of a query (the list's search text) to CSV, TXT, Excel (.xlsx) or vCard (.vcf)";
    c.options = {{"query", "Only customers the customer list finds for this search text"},
                 {"format", "csv, txt, xlsx or vcf (default: from the file name)"},
                 {"output", "The file to write", false, true, false, "o"}};
    c.permission = "contacts.export";
    c.run = [](Host& host, const CliInvocation& call, std::ostream& out) {
        std::filesystem::path file = option(call, "output");
        CustomerExportOptions options;
        options.query = option(call, "query");
        if (auto f = option(call, "format"); !f.empty())
            options.format = formatOption(f, {FileFormat::csv, FileFormat::txt, FileFormat::xlsx, FileFormat::vcf});
        else if (auto byName = exportFormatOf(file))
            options.format = *byName;
        else
            throw tiller::ValidationError("format", say(N_("say the format (--format csv, txt, xlsx or vcf) or name the file .csv, .txt, .xlsx or .vcf")));
        tiller::SystemClock clock;
        tiller::jobs::Silent silent;
        long long n = exportCustomers(host, clock, options, file, call.progress ? *call.progress : silent);
        if (call.json)
            out << json{{"customers", n}, {"file", file.string()}, {"format", formatName(options.format)}, {"query", options.query}}.dump(2)
                << '\n';
        else
            out << say(N_("exported {1} customers to {2}"), {std::to_string(n), file.string()}) << '\n';
        return 0;
    };
    registry.add(c);
}

}  // namespace

void contributeImportExport(Registry& registry) {
    importCommand(registry);
    exportCommand(registry);
}

}  // namespace contacts
