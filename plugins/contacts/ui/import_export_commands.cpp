#include "import_export_commands.hpp"
#include "import_wizard.hpp"
#include "transfer_text.hpp"

#include "core/customer_export.hpp"

#include <tiller/i18n/catalogs.hpp>
#include <tiller/ui/error_dialog.hpp>
#include <tiller/ui/progress_dialog.hpp>
#include <tiller/ui/record_list_view.hpp>
#include <tiller/ui/ui_registry.hpp>

#include <wx/aui/auibook.h>
#include <wx/filedlg.h>
#include <wx/msgdlg.h>

#include <cstdlib>

namespace contacts::transfer {
namespace {

// The customer list the person is looking at, if the current tab is one.
tiller::ui::RecordListView* currentCustomerList() {
    std::function<wxAuiNotebook*(wxWindow*)> find = [&](wxWindow* window) -> wxAuiNotebook* {
        for (wxWindow* child : window->GetChildren()) {
            if (auto* book = dynamic_cast<wxAuiNotebook*>(child)) return book;
            if (auto* deeper = find(child)) return deeper;
        }
        return nullptr;
    };
    wxWindow* main = tiller::ui::mainWindow();
    auto* tabs = main ? find(main) : nullptr;
    auto* list = tabs ? dynamic_cast<tiller::ui::RecordListView*>(tabs->GetCurrentPage()) : nullptr;
    return list && list->pager().list().entity == "contacts.customer" ? list : nullptr;
}

void importCustomers(tiller::plugin::Host& host) {
    ImportWizard wizard(tiller::ui::mainWindow(), host);
    // Tests open the wizard on a fixture at a given page and take its picture.
    const char* file = std::getenv("TILLER_IMPORT_WIZARD_FILE");
    const char* page = std::getenv("TILLER_IMPORT_WIZARD_PAGE");
    bool imported = wizard.run(file ? std::filesystem::path(file) : std::filesystem::path(), page ? std::atoi(page) : 1);
    if (imported)
        if (auto* list = currentCustomerList()) list->refresh();
}

void exportCustomers(tiller::plugin::Host& host) {
    auto* list = currentCustomerList();
    CustomerExportOptions options;
    if (list) options.query = list->pager().query().search;
    wxWindow* parent = tiller::ui::mainWindow();
    std::filesystem::path file;
    if (const char* given = std::getenv("TILLER_EXPORT_CUSTOMERS_FILE")) {  // tests: no file dialog
        file = given;
        options.format = exportFormatOf(file).value_or(FileFormat::xlsx);
    } else {
        wxFileDialog dialog(parent, tr(N_("Export customers")), wxEmptyString, tr(N_("customers.xlsx")),
                            tr(N_("Excel workbook (.xlsx)")) + "|*.xlsx|" + tr(N_("CSV")) + " (*.csv)|*.csv|" +
                                tr(N_("Text, tab-separated (.txt)")) + "|*.txt|" + tr(N_("vCard (.vcf)")) + "|*.vcf",
                            wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        if (dialog.ShowModal() != wxID_OK) return;
        file = std::filesystem::path(dialog.GetPath().utf8_string());
        constexpr FileFormat kByFilter[] = {FileFormat::xlsx, FileFormat::csv, FileFormat::txt, FileFormat::vcf};
        options.format = exportFormatOf(file).value_or(kByFilter[std::clamp(dialog.GetFilterIndex(), 0, 3)]);
    }
    try {
        tiller::ui::ProgressDialog progress(parent, tr(N_("Export customers")), tr(N_("Writing the customers...")));
        long long n = contacts::exportCustomers(host, clock(), options, file, progress);
        host.notify(contacts::say(N_("Exported {1} customers to {2}"), {std::to_string(n), file.string()}));
    } catch (const tiller::jobs::JobCancelled&) {
        host.notify(contacts::say(N_("The export was cancelled; no file was written.")));
    } catch (const std::exception& e) {
        tiller::ui::showError(parent, tr(N_("The customers were not exported")), e);
    }
}

}  // namespace

void contributeImportExportCommands(tiller::plugin::Registry& registry) {
    tiller::plugin::Command import;
    import.id = "contacts.import_customers";
    import.label = N_("Import customers...");
    import.menu = "Customers";
    import.permission = "contacts.import";
    import.order = 70;
    import.run = importCustomers;
    registry.add(import);

    tiller::plugin::Command exporting;
    exporting.id = "contacts.export_customers";
    exporting.label = N_("Export customers...");
    exporting.menu = "Customers";
    exporting.permission = "contacts.export";
    exporting.order = 71;
    exporting.run = exportCustomers;
    registry.add(exporting);
}

}  // namespace contacts::transfer
