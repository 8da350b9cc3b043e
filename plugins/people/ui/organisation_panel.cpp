#include "organisation_panel.hpp"
#include "people_text.hpp"

#include <tiller/errors.hpp>
#include <tiller/ui/error_dialog.hpp>
#include <tiller/ui/text.hpp>

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace people {

using tiller::identity::Organisation;
using tiller::identity::UserDirectory;
using tiller::ui::text;
using tiller::ui::utf8;

OrganisationPanel::OrganisationPanel(wxWindow* parent, tiller::plugin::Host& host) : wxPanel(parent), host_(host) {
    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    tree_ = new wxTreeCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(300, -1)),
                           wxTR_HAS_BUTTONS | wxTR_SINGLE | wxTR_FULL_ROW_HIGHLIGHT | wxTR_HIDE_ROOT);
    columns->Add(tree_, 0, wxEXPAND | wxALL, FromDIP(8));

    auto* form = new wxFlexGridSizer(2, FromDIP(wxSize(10, 8)));
    form->AddGrowableCol(1);
    auto row = [&](const char* label, wxWindow* field) {
        form->Add(new wxStaticText(this, wxID_ANY, tr(label)), 0, wxALIGN_CENTER_VERTICAL);
        form->Add(field, 1, wxEXPAND);
    };
    name_ = new wxTextCtrl(this, wxID_ANY);
    phone_ = new wxTextCtrl(this, wxID_ANY);
    unit_ = new wxCheckBox(this, wxID_ANY, tr("This is a unit (company or branch), not a department"));
    parent_ = new wxChoice(this, wxID_ANY);
    row(N_("Name"), name_);
    row(N_("Phone"), phone_);
    row(N_("Belongs to"), parent_);
    form->AddSpacer(0);
    form->Add(unit_);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* add = new wxButton(this, wxID_ANY, tr("Add below..."));
    auto* save = new wxButton(this, wxID_ANY, tr("Save"));
    auto* remove = new wxButton(this, wxID_ANY, tr("Remove"));
    buttons->Add(add, 0, wxRIGHT, FromDIP(6));
    buttons->Add(save, 0, wxRIGHT, FromDIP(6));
    buttons->Add(remove);

    people_ = new wxListBox(this, wxID_ANY);
    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(form, 0, wxEXPAND | wxBOTTOM, FromDIP(10));
    right->Add(buttons, 0, wxBOTTOM, FromDIP(16));
    right->Add(new wxStaticText(this, wxID_ANY, tr("People in this department")), 0, wxBOTTOM, FromDIP(4));
    right->Add(people_, 1, wxEXPAND);
    columns->Add(right, 1, wxEXPAND | wxALL, FromDIP(12));
    SetSizer(columns);

    tree_->Bind(wxEVT_TREE_SEL_CHANGED, [this](wxTreeEvent& e) {
        auto it = ids_.find(e.GetItem());
        show(it == ids_.end() ? std::nullopt : std::optional<long long>(it->second));
    });
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { addBelow(); });
    save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->save(); });
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->remove(); });
    reload();
}

void OrganisationPanel::reload(std::optional<long long> select) {
    departments_ = Organisation(host_.database(), clock(), actor(host_)).departments();
    tree_->DeleteAllItems();
    ids_.clear();
    auto root = tree_->AddRoot("");
    std::map<long long, wxTreeItemId> items;
    for (const auto& d : departments_) {
        auto parent = d.parentId && items.count(*d.parentId) ? items[*d.parentId] : root;
        auto item = tree_->AppendItem(parent, text(d.name));
        if (d.isUnit) tree_->SetItemBold(item);
        items[d.id] = item;
        ids_[item] = d.id;
    }
    tree_->ExpandAll();
    fillDepartments(parent_, departments_);
    if (!select && !departments_.empty()) select = departments_.front().id;
    if (select && items.count(*select)) tree_->SelectItem(items[*select]);
    show(select);
}

void OrganisationPanel::show(std::optional<long long> id) {
    current_ = id;
    auto it = std::find_if(departments_.begin(), departments_.end(), [&](const auto& d) { return id && d.id == *id; });
    bool found = it != departments_.end();
    name_->ChangeValue(found ? text(it->name) : wxString());
    phone_->ChangeValue(found ? text(it->phone) : wxString());
    unit_->SetValue(found && it->isUnit);
    selectDepartment(parent_, departments_, found ? it->parentId : std::nullopt);
    people_->Clear();
    if (!found) return;
    for (const auto& u : UserDirectory(host_.database(), clock(), {}).users())
        if (u.departmentId == it->id) people_->Append(text(u.name + " (" + u.login + ")"));
}

void OrganisationPanel::save() {
    auto it = std::find_if(departments_.begin(), departments_.end(), [&](const auto& d) { return current_ && d.id == *current_; });
    if (it == departments_.end()) return;
    auto changed = *it;
    changed.name = utf8(name_->GetValue());
    changed.phone = utf8(phone_->GetValue());
    changed.isUnit = unit_->GetValue();
    changed.parentId = selectedDepartment(parent_, departments_);
    try {
        Organisation(host_.database(), clock(), actor(host_)).updateDepartment(changed);
        reload(changed.id);
        host_.notify(utf8(tr("Saved")));
    } catch (const tiller::Error& e) {
        tiller::ui::showError(this, tr("The department could not be saved"), e);
    }
}

void OrganisationPanel::addBelow() {
    tiller::identity::Department d;
    d.parentId = current_;
    d.name = utf8(tr("New department"));
    d.isUnit = departments_.empty();
    d.phone = "";
    try {
        if (d.isUnit) d.phone = "-";
        long long id = Organisation(host_.database(), clock(), actor(host_)).addDepartment(d);
        reload(id);
        name_->SetFocus();
        name_->SelectAll();
    } catch (const tiller::Error& e) {
        tiller::ui::showError(this, tr("The department could not be added"), e);
    }
}

void OrganisationPanel::remove() {
    if (!current_) return;
    try {
        Organisation(host_.database(), clock(), actor(host_)).removeDepartment(*current_);
        reload();
    } catch (const tiller::Error& e) {
        tiller::ui::showError(this, tr("The department could not be removed"), e);
    }
}

}  // namespace people
