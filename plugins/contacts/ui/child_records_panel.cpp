#include "child_records_panel.hpp"
#include "customer_text.hpp"

#include <tiller/record/pager.hpp>
#include <tiller/ui/error_dialog.hpp>
#include <tiller/ui/record_dialog.hpp>
#include <tiller/ui/record_form.hpp>
#include <tiller/ui/record_navigator.hpp>
#include <tiller/ui/tr.hpp>

#include <wx/button.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>

#include <algorithm>

namespace contacts::card {
namespace {

constexpr const char* kParent = "customer_id";

// The entity's form without the customer, who is given.
class NewChildDialog : public wxDialog {
public:
    NewChildDialog(wxWindow* parent, tiller::record::Store& store, const std::string& entity, long long customerId)
        : wxDialog(parent, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
          store_(store),
          entity_(entity),
          customerId_(customerId) {
        const auto& e = store.entity(entity);
        SetTitle(tiller::ui::tr("New") + " " + tiller::ui::tr(e.label));
        const auto* declared = store.host().registry().form(entity);
        tiller::record::Form form = declared ? *declared : tiller::record::defaultForm(e);
        for (auto& section : form.sections)
            std::erase_if(section.fields, [](const auto& f) { return f.field == kParent; });
        std::erase_if(form.sections, [](const auto& s) { return s.fields.empty(); });
        form_ = new tiller::ui::RecordForm(this, store, form, std::nullopt);
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(form_, 1, wxEXPAND | wxALL, FromDIP(6));
        auto* buttons = new wxBoxSizer(wxHORIZONTAL);
        buttons->AddStretchSpacer();
        auto* save = new wxButton(this, wxID_SAVE, tiller::ui::tr("Save"));
        save->SetDefault();
        buttons->Add(save, 0, wxRIGHT, FromDIP(6));
        buttons->Add(new wxButton(this, wxID_CANCEL, tiller::ui::tr("Cancel")), 0);
        sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(8));
        save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
            if (this->save()) EndModal(wxID_OK);
        });
        SetSizer(sizer);
        SetSize(FromDIP(wxSize(560, 520)));
        CentreOnParent();
    }

private:
    bool save() {
        auto input = form_->input();
        input.emplace_back(kParent, std::to_string(customerId_));
        try {
            store_.create(entity_, input);
            return true;
        } catch (const tiller::record::InvalidRecord& e) {
            if (!form_->showErrors(translated(e.errors()))) tiller::ui::showError(this, tiller::ui::tr("The record was not saved"), e);
        } catch (const std::exception& e) {
            tiller::ui::showError(this, tiller::ui::tr("The record was not saved"), e);
        }
        return false;
    }

    tiller::record::Store& store_;
    std::string entity_;
    long long customerId_;
    tiller::ui::RecordForm* form_;
};

}  // namespace

ChildRecordsPanel::ChildRecordsPanel(wxWindow* parent, std::shared_ptr<tiller::record::Store> store, std::string entity,
                                     long long customerId, std::vector<std::string> columns)
    : wxPanel(parent), store_(std::move(store)), entity_(std::move(entity)), customerId_(customerId), columns_(std::move(columns)) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    auto* addButton = new wxButton(this, wxID_ANY, tiller::ui::tr("New"));
    auto* editButton = new wxButton(this, wxID_ANY, tr("Open"));
    auto* removeButton = new wxButton(this, wxID_ANY, tiller::ui::tr("Delete"));
    for (auto* b : {addButton, editButton, removeButton}) bar->Add(b, 0, wxRIGHT, FromDIP(4));
    sizer->Add(bar, 0, wxALL, FromDIP(4));
    table_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_HRULES | wxLC_SINGLE_SEL);
    const auto& e = store_->entity(entity_);
    for (const auto& name : columns_) {
        const auto* f = e.field(name);
        table_->AppendColumn(f ? tiller::ui::tr(f->label) : tiller::ui::text(name), wxLIST_FORMAT_LEFT,
                             FromDIP(name == "address" ? 320 : 130));
    }
    sizer->Add(table_, 1, wxEXPAND);
    SetSizer(sizer);
    const auto& edit = e.editPermission;
    bool editable = edit.empty() || store_->host().allows(edit);
    addButton->Enable(editable);
    removeButton->Enable(editable);
    addButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add(); });
    editButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->edit(); });
    removeButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { remove(); });
    table_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { this->edit(); });
    reload();
}

void ChildRecordsPanel::reload() {
    table_->DeleteAllItems();
    ids_.clear();
    tiller::record::ListDefinition list;
    list.id = entity_ + ".of_customer";
    list.entity = entity_;
    for (const auto& c : columns_) list.columns.push_back({c, 0});
    list.where.push_back({kParent, "equals", std::to_string(customerId_), ""});
    list.customFields = false;
    try {
        tiller::record::RecordPager pager(store_, list);
        auto page = pager.page(0, 500);  // a customer has a handful; 500 is plenty
        for (std::size_t i = 0; i < page.ids.size(); ++i) {
            ids_.push_back(page.ids[i]);
            long row = 0;
            for (std::size_t c = 0; c < page.rows[i].size(); ++c) {
                wxString cell = tiller::ui::text(store_->text(*pager.fields()[c], page.rows[i][c]));
                if (c == 0) row = table_->InsertItem(table_->GetItemCount(), cell);
                else table_->SetItem(row, static_cast<long>(c), cell);
            }
        }
    } catch (const std::exception& e) {
        long row = table_->InsertItem(0, tiller::ui::text(e.what()));
        (void)row;
    }
}

long long ChildRecordsPanel::selectedId() const {
    long item = table_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return item >= 0 && static_cast<std::size_t>(item) < ids_.size() ? ids_[static_cast<std::size_t>(item)] : 0;
}

void ChildRecordsPanel::add() {
    try {
        NewChildDialog dialog(this, *store_, entity_, customerId_);
        if (dialog.ShowModal() != wxID_OK) return;
    } catch (const std::exception& e) {
        tiller::ui::showError(this, tiller::ui::tr("The record cannot be opened"), e);
        return;
    }
    reload();
    if (onChange) onChange();
}

void ChildRecordsPanel::edit() {
    long long id = selectedId();
    if (!id) return;
    try {
        // The way the shell opens this kind of record everywhere (its plugin's screen, if any).
        if (auto* navigator = tiller::ui::recordNavigator()) {
            if (!navigator->openRecord(this, entity_, id)) return;
        } else {
            tiller::ui::RecordDialog dialog(this, *store_, entity_, id);
            if (dialog.ShowModal() != wxID_OK) return;
        }
    } catch (const std::exception& e) {
        tiller::ui::showError(this, tiller::ui::tr("The record cannot be opened"), e);
        return;
    }
    reload();
    if (onChange) onChange();
}

void ChildRecordsPanel::remove() {
    long long id = selectedId();
    if (!id) return;
    wxString question = tr("Delete this record? This cannot be undone.");
    if (wxMessageBox(question, tiller::ui::tr("Delete"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING, this) != wxYES) return;
    try {
        store_->remove(entity_, id);
    } catch (const std::exception& e) {
        tiller::ui::showError(this, tiller::ui::tr("A record was not deleted"), e);
        return;
    }
    reload();
    if (onChange) onChange();
}

}  // namespace contacts::card
