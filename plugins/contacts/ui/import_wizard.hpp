// Customers > Import customers... (SPEC §2.11, issue 7 item 8): a wizard over CustomerImport.
// 1. the file, with the format and encoding found (both can be changed);
// 2. a preview of the first rows with a target for every column (guessed from the header,
//    changeable, custom fields offered);
// 3. the category for every row and a check (a dry run) listing problems and duplicates;
// 4. the import, under a progress dialog with Cancel (polled between batches, so the window
//    stays alive and a cancel leaves nothing), then a summary that saves the rejected rows.
#pragma once

#include "core/customer_import.hpp"

#include <tiller/plugin/host.hpp>

#include <wx/wizard.h>

#include <filesystem>
#include <optional>
#include <vector>

class wxChoice;
class wxFilePickerCtrl;
class wxListCtrl;
class wxScrolledWindow;
class wxStaticText;
class wxButton;
class wxFlexGridSizer;

namespace contacts::transfer {

class ImportWizard : public wxWizard {
public:
    ImportWizard(wxWindow* parent, tiller::plugin::Host& host);

    // Shows the wizard until it is finished or cancelled; true when customers were imported.
    // `file` preloads the first page; `page` (1-4) starts further on, checking or importing on
    // the way (tests take a screenshot of each page this way).
    bool run(const std::filesystem::path& file = {}, int page = 1);

private:
    wxWizardPageSimple* filePage();
    wxWizardPageSimple* columnsPage();
    wxWizardPageSimple* checkPage();
    wxWizardPageSimple* summaryPage();

    void choose(const std::filesystem::path& file);
    void loadPreview();
    void showColumns();
    CustomerImportOptions options(bool dryRun) const;
    bool check();
    bool import();
    void showReport(const CustomerImportReport& report, wxStaticText* summary, wxListCtrl* problems);
    void saveErrors();
    void onPageChanging(wxWizardEvent& event);
    void onPageChanged(wxWizardEvent& event);

    tiller::plugin::Host& host_;
    std::filesystem::path file_;
    std::optional<ImportPreview> preview_;
    std::vector<ImportTarget> targets_;
    std::optional<CustomerImportReport> checked_, imported_;

    wxWizardPageSimple *filePage_ = nullptr, *columnsPage_ = nullptr, *checkPage_ = nullptr, *summaryPage_ = nullptr;
    wxFilePickerCtrl* picker_ = nullptr;
    wxChoice *format_ = nullptr, *encoding_ = nullptr, *category_ = nullptr;
    wxStaticText *found_ = nullptr, *columnsNote_ = nullptr, *checkSummary_ = nullptr, *summary_ = nullptr;
    wxListCtrl *previewList_ = nullptr, *checkProblems_ = nullptr, *problems_ = nullptr;
    wxScrolledWindow* mapping_ = nullptr;
    wxFlexGridSizer* mappingGrid_ = nullptr;
    std::vector<wxChoice*> columnChoices_;
    wxButton* saveErrors_ = nullptr;
    std::vector<std::string> categoryCodes_;
};

}  // namespace contacts::transfer
