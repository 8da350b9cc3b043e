#include "users_panel.hpp"
#include "people_text.hpp"

#include <tiller/data/records.hpp>
#include <tiller/errors.hpp>
#include <tiller/ui/error_dialog.hpp>
#include <tiller/ui/text.hpp>

#include <wx/button.h>
#include <wx/datetime.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace people {

using tiller::identity::UserDirectory;
using tiller::ui::text;
using tiller::ui::utf8;

UsersPanel::UsersPanel(wxWindow* parent, tiller::plugin::Host& host) : wxPanel(parent), host_(host) {
    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(480, -1)), wxLC_REPORT | wxLC_SINGLE_SEL);
    for (auto [label, width] : {std::pair{N_("Login"), 90}, {N_("Name"), 120}, {N_("Department"), 110}, {N_("Roles"), 110}, {N_("State"), 60}})
        list_->AppendColumn(tr(label), wxLIST_FORMAT_LEFT, FromDIP(width));
    columns->Add(list_, 0, wxEXPAND | wxALL, FromDIP(8));

    auto* form = new wxFlexGridSizer(2, FromDIP(wxSize(10, 6)));
    form->AddGrowableCol(1);
    auto field = [&](const char* label, long style = 0) {
        auto* control = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, style);
        form->Add(new wxStaticText(this, wxID_ANY, tr(label)), 0, wxALIGN_CENTER_VERTICAL);
        form->Add(control, 1, wxEXPAND);
        return control;
    };
    login_ = field(N_("Login"));
    name_ = field(N_("Name"));
    phone_ = field(N_("Phone"));
    mobile_ = field(N_("Mobile"));
    email_ = field(N_("Email"));
    department_ = new wxChoice(this, wxID_ANY);
    form->Add(new wxStaticText(this, wxID_ANY, tr("Department")), 0, wxALIGN_CENTER_VERTICAL);
    form->Add(department_, 1, wxEXPAND);
    position_ = new wxChoice(this, wxID_ANY);
    form->Add(new wxStaticText(this, wxID_ANY, tr("Position")), 0, wxALIGN_CENTER_VERTICAL);
    form->Add(position_, 1, wxEXPAND);
    extension_ = field(N_("Extension"));
    agent_ = field(N_("Agent number"));
    roleChecks_ = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 100)));
    form->Add(new wxStaticText(this, wxID_ANY, tr("Roles")), 0, wxALIGN_TOP);
    form->Add(roleChecks_, 1, wxEXPAND);
    password_ = field(N_("New password"), wxTE_PASSWORD);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* add = new wxButton(this, wxID_ANY, tr("New user"));
    auto* save = new wxButton(this, wxID_ANY, tr("Save"));
    activeButton_ = new wxButton(this, wxID_ANY, tr("Disable"));
    buttons->Add(add, 0, wxRIGHT, FromDIP(6));
    buttons->Add(save, 0, wxRIGHT, FromDIP(6));
    buttons->Add(activeButton_);

    history_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 120)), wxLC_REPORT);
    for (auto [label, width] : {std::pair{N_("When"), 130}, {N_("Who"), 100}, {N_("What"), 320}})
        history_->AppendColumn(tr(label), wxLIST_FORMAT_LEFT, FromDIP(width));

    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(form, 0, wxEXPAND);
    right->Add(buttons, 0, wxTOP | wxBOTTOM, FromDIP(10));
    right->Add(new wxStaticText(this, wxID_ANY, tr("History")), 0, wxBOTTOM, FromDIP(4));
    right->Add(history_, 1, wxEXPAND);
    columns->Add(right, 1, wxEXPAND | wxALL, FromDIP(10));
    SetSizer(columns);

    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) { show(static_cast<int>(e.GetIndex())); });
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { show(-1); });
    save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->save(); });
    activeButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { toggleActive(); });
    reload();
}

void UsersPanel::reload(const std::string& select) {
    UserDirectory directory(host_.database(), clock(), {});
    users_ = directory.users();
    tiller::identity::Organisation organisation(host_.database(), clock(), {});
    departments_ = organisation.departments();
    positions_ = organisation.positions();
    roles_ = tiller::identity::RoleBook(host_.database(), clock(), {}).roles();
    fillDepartments(department_, departments_);
    position_->Clear();
    position_->Append(tr("(none)"));
    for (const auto& p : positions_) position_->Append(tr(p.name.c_str()));
    roleChecks_->Clear();
    for (const auto& r : roles_) roleChecks_->Append(tr(r.name.c_str()));

    list_->DeleteAllItems();
    int selected = users_.empty() ? -1 : 0;
    for (size_t i = 0; i < users_.size(); ++i) {
        const auto& u = users_[i];
        long row = list_->InsertItem(static_cast<long>(i), text(u.login));
        list_->SetItem(row, 1, text(u.name));
        std::string dept;
        for (const auto& d : departments_)
            if (u.departmentId == d.id) dept = d.name;
        list_->SetItem(row, 2, text(dept));
        wxString roleNames;
        for (const auto& key : u.roles)
            for (const auto& r : roles_)
                if (r.key == key) roleNames += (roleNames.empty() ? "" : ", ") + tr(r.name.c_str());
        list_->SetItem(row, 3, roleNames);
        list_->SetItem(row, 4, u.active ? tr("Active") : tr("Disabled"));
        if (u.login == select) selected = static_cast<int>(i);
    }
    if (selected >= 0) list_->SetItemState(selected, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    show(selected);
}

void UsersPanel::show(int index) {
    current_ = index;
    bool isNew = index < 0 || static_cast<size_t>(index) >= users_.size();
    tiller::identity::User u = isNew ? tiller::identity::User{} : users_[static_cast<size_t>(index)];
    login_->ChangeValue(text(u.login));
    login_->SetEditable(isNew);
    name_->ChangeValue(text(u.name));
    phone_->ChangeValue(text(u.phone));
    mobile_->ChangeValue(text(u.mobile));
    email_->ChangeValue(text(u.email));
    extension_->ChangeValue(text(u.extension));
    agent_->ChangeValue(text(u.agentNumber));
    password_->ChangeValue("");
    selectDepartment(department_, departments_, u.departmentId);
    position_->SetSelection(0);
    for (size_t i = 0; i < positions_.size(); ++i)
        if (u.positionId == positions_[i].id) position_->SetSelection(static_cast<int>(i + 1));
    for (size_t i = 0; i < roles_.size(); ++i)
        roleChecks_->Check(static_cast<unsigned>(i), std::find(u.roles.begin(), u.roles.end(), roles_[i].key) != u.roles.end());
    activeButton_->SetLabel(u.active ? tr("Disable") : tr("Enable"));
    activeButton_->Enable(!isNew);
    if (isNew) {
        history_->DeleteAllItems();
        login_->SetFocus();
    } else {
        showHistory(u.id);
    }
}

void UsersPanel::showHistory(long long userId) {
    history_->DeleteAllItems();
    auto entries = host_.database().withSession([&](soci::session& s) { return tiller::data::history(s, "core.user", userId); });
    long row = 0;
    for (auto it = entries.rbegin(); it != entries.rend(); ++it) {  // newest first
        wxString what = it->action == "create" ? tr("created") : wxString();
        for (const auto& c : it->changes)
            if (it->action != "create")
                what += (what.empty() ? "" : "; ") + text(c.field + ": " + c.before + " → " + c.after);
        history_->InsertItem(row, wxDateTime(static_cast<time_t>(it->at / 1000)).Format("%Y-%m-%d %H:%M"));
        history_->SetItem(row, 1, it->userName.empty() ? tr("(system)") : text(it->userName));
        history_->SetItem(row, 2, what);
        ++row;
    }
}

void UsersPanel::save() {
    std::vector<std::string> roleKeys;
    for (size_t i = 0; i < roles_.size(); ++i)
        if (roleChecks_->IsChecked(static_cast<unsigned>(i))) roleKeys.push_back(roles_[i].key);
    std::optional<long long> position;
    if (position_->GetSelection() > 0) position = positions_[static_cast<size_t>(position_->GetSelection() - 1)].id;
    UserDirectory directory(host_.database(), clock(), actor(host_));
    std::string login = utf8(login_->GetValue());
    try {
        if (current_ < 0) {
            tiller::identity::NewUser u;
            u.login = login;
            u.name = utf8(name_->GetValue());
            u.phone = utf8(phone_->GetValue());
            u.mobile = utf8(mobile_->GetValue());
            u.email = utf8(email_->GetValue());
            u.departmentId = selectedDepartment(department_, departments_);
            u.positionId = position;
            u.extension = utf8(extension_->GetValue());
            u.agentNumber = utf8(agent_->GetValue());
            u.roles = roleKeys;
            u.password = utf8(password_->GetValue());
            directory.add(u);
        } else {
            auto& u = users_[static_cast<size_t>(current_)];
            directory.updateProfile(u.id, u.version, utf8(name_->GetValue()), utf8(phone_->GetValue()),
                                    utf8(mobile_->GetValue()), utf8(email_->GetValue()));
            auto fresh = *directory.find(u.id);
            directory.updatePlacement(u.id, fresh.version, selectedDepartment(department_, departments_), position,
                                      utf8(extension_->GetValue()), utf8(agent_->GetValue()));
            if (roleKeys != u.roles) directory.setRoles(login, roleKeys);
            if (!password_->GetValue().empty()) directory.setPassword(login, utf8(password_->GetValue()));
        }
        reload(login);
        host_.notify(utf8(tr("Saved")));
    } catch (const tiller::Error& e) {
        tiller::ui::showError(this, tr("The user could not be saved"), e);
    }
}

void UsersPanel::toggleActive() {
    if (current_ < 0) return;
    const auto& u = users_[static_cast<size_t>(current_)];
    try {
        UserDirectory(host_.database(), clock(), actor(host_)).setActive(u.login, !u.active);
        reload(u.login);
    } catch (const tiller::Error& e) {
        tiller::ui::showError(this, tr("The user could not be changed"), e);
    }
}

}  // namespace people
