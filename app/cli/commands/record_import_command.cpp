// tiller-cli record import: records of any declared entity from a CSV file (tiller/record/import.hpp).
// Exit 0 when every row was imported, 1 when some were rejected (the good ones are imported all
// the same) or the import failed, 2 for a wrong command line.
#include "../cli_context.hpp"
#include "../text_progress.hpp"

#include <tiller/i18n/catalogs.hpp>
#include <tiller/record/import.hpp>

#include <iostream>

namespace tiller::cli {
namespace {

CLI::App* recordCommand(CLI::App& app) {
    for (auto* command : app.get_subcommands({}))
        if (command->get_name() == "record") return command;
    auto* record = app.add_subcommand("record", "Records of any kind a plugin declares: import ...");
    record->require_subcommand(1);
    return record;
}

nlohmann::json toJson(const record::ImportReport& report) {
    nlohmann::json rejected = nlohmann::json::array();
    for (const auto& row : report.rejected) {
        nlohmann::json problems = nlohmann::json::array();
        for (const auto& p : row.problems) problems.push_back({{"field", p.field}, {"column", p.column}, {"message", p.message}});
        rejected.push_back({{"line", row.line}, {"problems", problems}});
    }
    nlohmann::json columns = nlohmann::json::object();
    for (const auto& [header, field] : report.columns) columns[header] = field;
    return {{"entity", report.entity},   {"dry_run", report.dryRun},   {"rows", report.rowsRead},
            {"imported", report.imported}, {"rejected", rejected},     {"columns", columns},
            {"unknown_columns", report.unknownColumns}};
}

std::string toText(const record::ImportReport& report, const std::string& entityLabel) {
    std::string text = report.dryRun ? "dry run: " + std::to_string(report.imported) + " of " + std::to_string(report.rowsRead) +
                                           " rows would be imported into " + entityLabel
                                     : "imported " + std::to_string(report.imported) + " of " +
                                           std::to_string(report.rowsRead) + " rows into " + entityLabel;
    if (!report.rejected.empty()) text += ", " + std::to_string(report.rejected.size()) + " rejected";
    if (report.dryRun) text += "; nothing was changed";
    for (const auto& row : report.rejected)
        for (const auto& p : row.problems)
            text += "\nline " + std::to_string(row.line) + ": " + (p.column.empty() ? "" : p.column + ": ") + p.message;
    if (!report.unknownColumns.empty()) {
        text += "\ncolumns left out (no field by that name; see --map):";
        for (const auto& c : report.unknownColumns) text += " '" + c + "'";
    }
    return text;
}

}  // namespace

void addRecordImportCommand(CLI::App& app, CliContext& context) {
    static std::string entity, file, mapFile, errorFile;
    static bool dryRun = false;
    auto* command = recordCommand(app)->add_subcommand(
        "import", "Import records from a CSV file (UTF-8); the header row names the fields");
    command->add_option("ENTITY", entity, "The kind of record, e.g. hello.greeting")->required();
    command->add_option("FILE", file, "The CSV file; its first line names the columns")->required()->check(CLI::ExistingFile);
    command->add_flag("--dry-run", dryRun, "Check every row and report, but import nothing");
    command->add_option("--map", mapFile, "A YAML file of 'column header: field name' lines")->check(CLI::ExistingFile);
    command->add_option("--errors", errorFile, "Write the rejected rows with their line and reason to this CSV file");
    context.addJsonFlag(*command);
    command->callback([&context] {
        auto& runtime = context.signedInRuntime();
        record::Store store(runtime.host(), runtime.clock());
        record::ImportOptions options;
        options.dryRun = dryRun;
        if (!mapFile.empty()) options.mapping = record::readImportMap(mapFile);
        auto report = [&] {
            TextProgress progress("import");  // gone (its line ended) before the answer
            return record::importCsv(store, entity, file, options, progress);
        }();
        if (!errorFile.empty()) record::writeErrorFile(report, errorFile);
        context.answer(toJson(report), toText(report, i18n::tr(store.entity(entity).label)));
        if (!report.rejected.empty()) {
            std::cerr << "tiller-cli: " << report.rejected.size() << " of " << report.rowsRead << " rows were rejected"
                      << (errorFile.empty() ? "" : " (see " + errorFile + ")") << '\n';
            throw ExitStatus{1};
        }
    });
}

}  // namespace tiller::cli
