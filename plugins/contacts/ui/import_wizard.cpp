#include "import_wizard.hpp"
#include "transfer_text.hpp"

#include <tiller/dictionary/dictionary.hpp>
#include <tiller/i18n/catalogs.hpp>
#include <tiller/ui/error_dialog.hpp>
#include <tiller/ui/progress_dialog.hpp>
#include <tiller/ui/text.hpp>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/filepicker.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace contacts::transfer {
namespace {

constexpr std::size_t kPreviewRows = 20;
constexpr long kMostProblemsShown = 500;

// The choices of the format and encoding lists, in order; index 0 is "find out".
constexpr std::optional<FileFormat> kFormats[] = {std::nullopt, FileFormat::csv, FileFormat::txt, FileFormat::xlsx,
                                                  FileFormat::vcf};
constexpr const char* kEncodings[] = {"auto", "utf-8", "gbk", "gb18030", "utf-16"};

wxString formatText(FileFormat format) {
    switch (format) {
        case FileFormat::csv: return tr(N_("CSV"));
        case FileFormat::txt: return tr(N_("Text, tab-separated (.txt)"));
        case FileFormat::xlsx: return tr(N_("Excel workbook (.xlsx)"));
        case FileFormat::vcf: return tr(N_("vCard (.vcf)"));
    }
    return {};
}

wxString groupText(const std::string& group) {
    if (group == "contact") return tr(N_("Contact"));
    if (group == "address") return tr(N_("Address"));
    if (group == "custom") return tr(N_("Custom field"));
    return tr(N_("Customer"));
}

wxListCtrl* problemList(wxWindow* parent) {
    auto* list = new wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    list->InsertColumn(0, tr(N_("Line")), wxLIST_FORMAT_RIGHT, parent->FromDIP(60));
    list->InsertColumn(1, tr(N_("Column")), wxLIST_FORMAT_LEFT, parent->FromDIP(120));
    list->InsertColumn(2, tr(N_("Problem")), wxLIST_FORMAT_LEFT, parent->FromDIP(800));
    return list;
}

void addProblem(wxListCtrl* list, long long line, const std::string& column, const std::string& problem) {
    long row = list->InsertItem(list->GetItemCount(), wxString::Format("%lld", line));
    list->SetItem(row, 1, tiller::ui::text(column));
    list->SetItem(row, 2, tiller::ui::text(problem));
}

}  // namespace

ImportWizard::ImportWizard(wxWindow* parent, tiller::plugin::Host& host)
    : wxWizard(parent, wxID_ANY, tr(N_("Import customers")), wxNullBitmap, wxDefaultPosition,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      host_(host) {
    tiller::record::Store store(host, clock());
    targets_ = importTargets(store.entity("contacts.customer"));
    filePage_ = filePage();
    columnsPage_ = columnsPage();
    checkPage_ = checkPage();
    summaryPage_ = summaryPage();
    wxWizardPageSimple::Chain(filePage_, columnsPage_);
    wxWizardPageSimple::Chain(columnsPage_, checkPage_);
    wxWizardPageSimple::Chain(checkPage_, summaryPage_);
    summaryPage_->SetPrev(nullptr);  // after an import there is no going back
    for (auto* page : {filePage_, columnsPage_, checkPage_, summaryPage_}) GetPageAreaSizer()->Add(page);
    SetPageSize(FromDIP(wxSize(820, 540)));
    Bind(wxEVT_WIZARD_PAGE_CHANGING, &ImportWizard::onPageChanging, this);
    Bind(wxEVT_WIZARD_PAGE_CHANGED, &ImportWizard::onPageChanged, this);
}

wxWizardPageSimple* ImportWizard::filePage() {
    auto* page = new wxWizardPageSimple(this);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new wxStaticText(page, wxID_ANY, tr(N_("Choose a file of customers: CSV, tab-separated text, an Excel workbook "
                                                       "or address-book cards (vCard)."))),
               0, wxBOTTOM, FromDIP(8));
    picker_ = new wxFilePickerCtrl(page, wxID_ANY, wxEmptyString, tr(N_("Import customers")),
                                   tr(N_("Customer files")) + " (*.csv;*.txt;*.xlsx;*.vcf)|*.csv;*.CSV;*.txt;*.TXT;*.tsv;*.xlsx;*.XLSX;*.vcf;*.VCF|" +
                                       tr(N_("All files")) + " (*.*)|*",
                                   wxDefaultPosition, wxDefaultSize, wxFLP_OPEN | wxFLP_FILE_MUST_EXIST | wxFLP_USE_TEXTCTRL);
    sizer->Add(picker_, 0, wxEXPAND | wxBOTTOM, FromDIP(12));
    auto* grid = new wxFlexGridSizer(2, FromDIP(6), FromDIP(12));
    grid->Add(new wxStaticText(page, wxID_ANY, tr(N_("Format"))), 0, wxALIGN_CENTER_VERTICAL);
    format_ = new wxChoice(page, wxID_ANY);
    format_->Append(tr(N_("Find out from the file")));
    for (auto f : {FileFormat::csv, FileFormat::txt, FileFormat::xlsx, FileFormat::vcf}) format_->Append(formatText(f));
    format_->SetSelection(0);
    grid->Add(format_);
    grid->Add(new wxStaticText(page, wxID_ANY, tr(N_("Encoding"))), 0, wxALIGN_CENTER_VERTICAL);
    encoding_ = new wxChoice(page, wxID_ANY);
    encoding_->Append(tr(N_("Find out from the file")));
    for (const char* e : {"UTF-8", "GBK", "GB18030", "UTF-16"}) encoding_->Append(e);
    encoding_->SetSelection(0);
    grid->Add(encoding_);
    sizer->Add(grid, 0, wxBOTTOM, FromDIP(12));
    found_ = new wxStaticText(page, wxID_ANY, tr(N_("No file chosen yet.")));
    sizer->Add(found_, 0, wxEXPAND);
    page->SetSizer(sizer);
    picker_->Bind(wxEVT_FILEPICKER_CHANGED, [this](wxFileDirPickerEvent&) { choose(std::filesystem::path(picker_->GetPath().utf8_string())); });
    format_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { loadPreview(); });
    encoding_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { loadPreview(); });
    return page;
}

wxWizardPageSimple* ImportWizard::columnsPage() {
    auto* page = new wxWizardPageSimple(this);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    columnsNote_ = new wxStaticText(page, wxID_ANY, wxEmptyString);
    sizer->Add(columnsNote_, 0, wxEXPAND | wxBOTTOM, FromDIP(6));
    previewList_ = new wxListCtrl(page, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 140)), wxLC_REPORT | wxLC_HRULES | wxLC_VRULES);
    sizer->Add(previewList_, 0, wxEXPAND | wxBOTTOM, FromDIP(8));
    sizer->Add(new wxStaticText(page, wxID_ANY, tr(N_("Where each column goes:"))), 0, wxBOTTOM, FromDIP(4));
    mapping_ = new wxScrolledWindow(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL);
    mapping_->SetScrollRate(0, FromDIP(10));
    mappingGrid_ = new wxFlexGridSizer(3, FromDIP(4), FromDIP(12));
    mappingGrid_->AddGrowableCol(1);
    mapping_->SetSizer(mappingGrid_);
    sizer->Add(mapping_, 1, wxEXPAND);
    page->SetSizer(sizer);
    return page;
}

wxWizardPageSimple* ImportWizard::checkPage() {
    auto* page = new wxWizardPageSimple(this);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(page, wxID_ANY, tr(N_("Customer category of every row"))), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
    category_ = new wxChoice(page, wxID_ANY);
    for (const auto& v : tiller::dictionary::Dictionary(host_, clock()).values("contacts.category")) {
        category_->Append(tiller::ui::text(v.nameIn(tiller::i18n::language())));
        categoryCodes_.push_back(v.code.empty() ? std::to_string(v.id) : v.code);
        if (v.code == "normal") category_->SetSelection(static_cast<int>(categoryCodes_.size()) - 1);
    }
    if (category_->GetSelection() == wxNOT_FOUND && !categoryCodes_.empty()) category_->SetSelection(0);
    row->Add(category_, 0, wxRIGHT, FromDIP(16));
    auto* checkButton = new wxButton(page, wxID_ANY, tr(N_("Check the file")));
    row->Add(checkButton);
    sizer->Add(row, 0, wxBOTTOM, FromDIP(8));
    checkSummary_ = new wxStaticText(page, wxID_ANY,
                                     tr(N_("Check the file to see every problem and duplicate before anything is imported. "
                                           "Press Import to import the good rows.")));
    sizer->Add(checkSummary_, 0, wxEXPAND | wxBOTTOM, FromDIP(6));
    checkProblems_ = problemList(page);
    sizer->Add(checkProblems_, 1, wxEXPAND);
    page->SetSizer(sizer);
    checkButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { check(); });
    return page;
}

wxWizardPageSimple* ImportWizard::summaryPage() {
    auto* page = new wxWizardPageSimple(this);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    summary_ = new wxStaticText(page, wxID_ANY, wxEmptyString);
    sizer->Add(summary_, 0, wxEXPAND | wxBOTTOM, FromDIP(6));
    problems_ = problemList(page);
    sizer->Add(problems_, 1, wxEXPAND | wxBOTTOM, FromDIP(6));
    saveErrors_ = new wxButton(page, wxID_ANY, tr(N_("Save the rejected rows...")));
    sizer->Add(saveErrors_, 0);
    page->SetSizer(sizer);
    saveErrors_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { saveErrors(); });
    return page;
}

void ImportWizard::choose(const std::filesystem::path& file) {
    file_ = file;
    if (picker_->GetPath() != tiller::ui::text(file.string())) picker_->SetPath(tiller::ui::text(file.string()));
    checked_.reset();
    loadPreview();
}

void ImportWizard::loadPreview() {
    checked_.reset();
    if (file_.empty()) return;
    try {
        CustomerImportOptions read = options(true);
        read.map.clear();  // a new file or reading: the columns are guessed again
        preview_ = CustomerImport(host_, clock()).preview(file_, read, kPreviewRows);
        found_->SetForegroundColour(GetForegroundColour());
        found_->SetLabel(say(N_("Read as {1}, {2}: {3} columns. The next page shows the first rows."),
                             {tiller::ui::utf8(formatText(preview_->format)),
                              preview_->encoding.empty() ? "-" : preview_->encoding, std::to_string(preview_->header.size())}));
        showColumns();
    } catch (const std::exception& e) {
        preview_.reset();
        found_->SetForegroundColour(*wxRED);
        found_->SetLabel(tiller::ui::text(e.what()));
    }
    found_->Wrap(FromDIP(780));
    filePage_->Layout();
}

void ImportWizard::showColumns() {
    previewList_->ClearAll();
    mapping_->DestroyChildren();
    mappingGrid_->Clear();
    columnChoices_.clear();
    if (!preview_) return;
    const auto& header = preview_->header;
    for (std::size_t c = 0; c < header.size(); ++c)
        previewList_->InsertColumn(static_cast<long>(c), tiller::ui::text(header[c]), wxLIST_FORMAT_LEFT, FromDIP(110));
    for (const auto& row : preview_->rows) {
        long item = previewList_->InsertItem(previewList_->GetItemCount(), wxString());
        for (std::size_t c = 0; c < header.size() && c < row.cells.size(); ++c)
            previewList_->SetItem(item, static_cast<long>(c), tiller::ui::text(row.cells[c]));
        if (!row.problem.empty()) previewList_->SetItem(item, 0, tiller::ui::text(row.problem));
    }
    std::size_t guessed = 0;
    for (std::size_t c = 0; c < header.size(); ++c) {
        const std::string& target = preview_->plan.targets[c];
        bool unknown = std::find(preview_->plan.unknown.begin(), preview_->plan.unknown.end(), header[c]) != preview_->plan.unknown.end();
        auto* name = new wxStaticText(mapping_, wxID_ANY, tiller::ui::text(header[c]));
        std::string sample = preview_->rows.empty() || c >= preview_->rows[0].cells.size() ? "" : preview_->rows[0].cells[c];
        if (sample.size() > 40) sample = sample.substr(0, 40) + "...";
        auto* example = new wxStaticText(mapping_, wxID_ANY,
                                         unknown ? tr(N_("not recognised: choose where it goes, or leave it out"))
                                                 : tiller::ui::text(sample));
        if (unknown) example->SetForegroundColour(wxColour(170, 90, 0));
        auto* choice = new wxChoice(mapping_, wxID_ANY);
        choice->Append(tr(N_("(leave out)")));
        choice->SetSelection(0);
        for (std::size_t t = 0; t < targets_.size(); ++t) {
            choice->Append(groupText(targets_[t].group) + ": " + tiller::ui::text(targets_[t].label));
            if (targets_[t].key == target) choice->SetSelection(static_cast<int>(t) + 1);
        }
        if (!target.empty()) ++guessed;
        mappingGrid_->Add(name, 0, wxALIGN_CENTER_VERTICAL);
        mappingGrid_->Add(example, 0, wxALIGN_CENTER_VERTICAL);
        mappingGrid_->Add(choice, 0, wxEXPAND);
        columnChoices_.push_back(choice);
    }
    columnsNote_->SetLabel(say(N_("{1} of {2} columns recognised from their headers; change any that is wrong."),
                               {std::to_string(guessed), std::to_string(header.size())}));
    mapping_->FitInside();
    columnsPage_->Layout();
}

CustomerImportOptions ImportWizard::options(bool dryRun) const {
    CustomerImportOptions o;
    o.read.format = kFormats[std::max(0, format_->GetSelection())];
    o.read.encoding = kEncodings[std::max(0, encoding_->GetSelection())];
    if (preview_)
        for (std::size_t c = 0; c < columnChoices_.size() && c < preview_->header.size(); ++c) {
            int chosen = columnChoices_[c]->GetSelection();
            o.map[preview_->header[c]] = chosen <= 0 ? std::string() : targets_[static_cast<std::size_t>(chosen - 1)].key;
        }
    int category = category_->GetSelection();
    if (category >= 0 && static_cast<std::size_t>(category) < categoryCodes_.size()) o.category = categoryCodes_[static_cast<std::size_t>(category)];
    o.dryRun = dryRun;
    return o;
}

void ImportWizard::showReport(const CustomerImportReport& r, wxStaticText* summary, wxListCtrl* problems) {
    std::string text = contacts::say(r.dryRun ? N_("{1} of {2} rows can be imported ({3} contacts, {4} addresses); nothing has been changed yet.")
                                    : N_("{1} of {2} rows were imported as customers ({3} contacts, {4} addresses)."),
                           {std::to_string(r.imported), std::to_string(r.rowsRead), std::to_string(r.contacts),
                            std::to_string(r.addresses)});
    if (!r.rejected.empty())
        text += "\n" + contacts::say(N_("{1} rows rejected, {2} of them duplicates of existing customers or earlier rows."),
                           {std::to_string(r.rejected.size()), std::to_string(r.duplicates)});
    if (!r.flagged.empty())
        text += "\n" + contacts::say(N_("{1} phone numbers are not valid and are kept as typed."), {std::to_string(r.flagged.size())});
    for (const auto& note : r.notes) text += "\n" + note;
    summary->SetLabel(tiller::ui::text(text));
    summary->Wrap(FromDIP(780));
    problems->DeleteAllItems();
    for (const auto& row : r.rejected)
        for (const auto& p : row.problems)
            if (problems->GetItemCount() < kMostProblemsShown) addProblem(problems, row.line, p.column, p.message);
    for (const auto& f : r.flagged)
        if (problems->GetItemCount() < kMostProblemsShown)
            addProblem(problems, f.line, f.column, contacts::say(N_("'{1}' is not a valid number ({2}); imported as typed"), {f.number, f.reason}));
    summary->GetParent()->Layout();
}

bool ImportWizard::check() {
    if (file_.empty()) return false;
    try {
        tiller::ui::ProgressDialog progress(this, tr(N_("Import customers")), tr(N_("Checking every row...")));
        checked_ = CustomerImport(host_, clock()).run(file_, options(true), progress);
        showReport(*checked_, checkSummary_, checkProblems_);
        return true;
    } catch (const tiller::jobs::JobCancelled&) {
        checkSummary_->SetLabel(tr(N_("The check was cancelled.")));
    } catch (const std::exception& e) {
        tiller::ui::showError(this, tr(N_("The file cannot be imported")), e);
    }
    return false;
}

bool ImportWizard::import() {
    try {
        tiller::ui::ProgressDialog progress(this, tr(N_("Import customers")), tr(N_("Importing customers...")));
        imported_ = CustomerImport(host_, clock()).run(file_, options(false), progress);
        showReport(*imported_, summary_, problems_);
        saveErrors_->Enable(!imported_->rejected.empty());
        return true;
    } catch (const tiller::jobs::JobCancelled&) {
        wxMessageBox(tr(N_("The import was cancelled; nothing was imported.")), tr(N_("Import customers")), wxOK | wxICON_INFORMATION, this);
    } catch (const std::exception& e) {
        tiller::ui::showError(this, tr(N_("The customers were not imported")), e);
    }
    return false;
}

void ImportWizard::saveErrors() {
    if (!imported_) return;
    wxFileDialog dialog(this, tr(N_("Save the rejected rows")), wxEmptyString, tr(N_("rejected-rows.csv")),
                        "CSV (*.csv)|*.csv", wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dialog.ShowModal() != wxID_OK) return;
    try {
        writeImportErrors(*imported_, std::filesystem::path(dialog.GetPath().utf8_string()));
    } catch (const std::exception& e) {
        tiller::ui::showError(this, tr(N_("The rejected rows were not saved")), e);
    }
}

void ImportWizard::onPageChanging(wxWizardEvent& event) {
    if (!event.GetDirection()) return;
    if (event.GetPage() == filePage_ && !preview_) {
        wxMessageBox(file_.empty() ? tr(N_("Choose a file first.")) : found_->GetLabel(), tr(N_("Import customers")),
                     wxOK | wxICON_WARNING, this);
        event.Veto();
    } else if (event.GetPage() == checkPage_ && !import()) {
        event.Veto();
    }
}

void ImportWizard::onPageChanged(wxWizardEvent& event) {
    auto* page = event.GetPage();
    if (auto* back = FindWindow(wxID_BACKWARD)) back->SetLabel(tr(N_("< Back")));
    if (auto* cancel = FindWindow(wxID_CANCEL)) {
        cancel->SetLabel(tr(N_("Cancel")));
        cancel->Show(page != summaryPage_);  // after the import, Finish closes the wizard
    }
    if (auto* next = FindWindow(wxID_FORWARD))
        next->SetLabel(page == checkPage_ ? tr(N_("Import")) : page == summaryPage_ ? tr(N_("Finish")) : tr(N_("Next >")));
    if (page == checkPage_ && !checked_) checkProblems_->DeleteAllItems();
}

bool ImportWizard::run(const std::filesystem::path& file, int page) {
    if (!file.empty()) choose(file);
    wxWizardPage* start = filePage_;
    if (preview_ && page >= 2) start = columnsPage_;
    if (preview_ && page >= 3) {
        start = checkPage_;
        check();
    }
    if (preview_ && page >= 4 && import()) start = summaryPage_;
    RunWizard(start);
    return imported_ && imported_->imported > 0;
}

}  // namespace contacts::transfer
