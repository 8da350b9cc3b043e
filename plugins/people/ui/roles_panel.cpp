#include "roles_panel.hpp"
#include "people_text.hpp"

#include <tiller/errors.hpp>
#include <tiller/i18n/catalogs.hpp>
#include <tiller/ui/error_dialog.hpp>
#include <tiller/ui/text.hpp>

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace people {

using tiller::identity::RoleBook;
using tiller::identity::Scope;
using tiller::ui::text;

namespace {
const Scope kScopes[] = {Scope::own, Scope::department, Scope::all};
}

RolesPanel::RolesPanel(wxWindow* parent, tiller::plugin::Host& host) : wxPanel(parent), host_(host) {
    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    roleList_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(170, -1)));
    columns->Add(roleList_, 0, wxEXPAND | wxALL, FromDIP(8));

    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(new wxStaticText(this, wxID_ANY, tr("Permissions")), 0, wxBOTTOM, FromDIP(4));
    permissions_ = new wxTreeListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTL_CHECKBOX | wxTL_3STATE);
    permissions_->AppendColumn(tr("Permission"), FromDIP(360));
    permissions_->AppendColumn(tr("Key"), FromDIP(200));
    // One tree: a branch per contributor (the shell's "core", then each plugin).
    std::map<std::string, wxTreeListItem> groups;
    for (const auto& p : host_.registry().permissions()) {
        if (!groups.count(p.owner)) {
            wxString title = text(tiller::i18n::tr(host_.registry().ownerName(p.owner)));
            groups[p.owner] = permissions_->AppendItem(permissions_->GetRootItem(), title);
        }
        auto item = permissions_->AppendItem(groups[p.owner], text(tiller::i18n::tr(p.label)));
        permissions_->SetItemText(item, 1, text(p.key));
        permissionItems_[p.key] = item;
    }
    for (auto& [owner, item] : groups) permissions_->Expand(item);
    right->Add(permissions_, 1, wxEXPAND | wxBOTTOM, FromDIP(10));

    right->Add(new wxStaticText(this, wxID_ANY, tr("Which records this role sees")), 0, wxBOTTOM, FromDIP(4));
    auto* scopes = new wxFlexGridSizer(2, FromDIP(wxSize(10, 6)));
    auto makeChoice = [&](bool withDefault) {
        auto* choice = new wxChoice(this, wxID_ANY);
        if (withDefault) choice->Append(tr("As the default"));
        for (Scope s : kScopes) choice->Append(scopeLabel(s));
        return choice;
    };
    defaultScope_ = makeChoice(false);
    scopes->Add(new wxStaticText(this, wxID_ANY, tr("Default")), 0, wxALIGN_CENTER_VERTICAL);
    scopes->Add(defaultScope_);
    for (const auto& owned : host_.registry().ownedTables()) {
        auto* choice = makeChoice(true);
        scopes->Add(new wxStaticText(this, wxID_ANY, text(tiller::i18n::tr(owned.label))), 0, wxALIGN_CENTER_VERTICAL);
        scopes->Add(choice);
        entityScopes_.emplace_back(owned.entity, choice);
    }
    right->Add(scopes, 0, wxBOTTOM, FromDIP(10));
    auto* save = new wxButton(this, wxID_ANY, tr("Save"));
    right->Add(save);
    columns->Add(right, 1, wxEXPAND | wxALL, FromDIP(10));
    SetSizer(columns);

    roles_ = RoleBook(host_.database(), clock(), {}).roles();
    for (const auto& r : roles_) roleList_->Append(tr(r.name.c_str()));
    roleList_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& e) { showRole(e.GetSelection()); });
    save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->save(); });
    if (!roles_.empty()) {
        int first = roles_.size() > 1 ? 1 : 0;  // the administrator has everything: show a real one
        roleList_->SetSelection(first);
        showRole(first);
    }
}

void RolesPanel::showRole(int index) {
    current_ = index;
    if (index < 0) return;
    const auto& role = roles_[static_cast<size_t>(index)];
    RoleBook book(host_.database(), clock(), {});
    auto granted = book.permissions(role.key);
    for (auto& [key, item] : permissionItems_)
        permissions_->CheckItem(item, role.allPermissions || granted.count(key) ? wxCHK_CHECKED : wxCHK_UNCHECKED);
    for (auto group = permissions_->GetFirstChild(permissions_->GetRootItem()); group.IsOk();
         group = permissions_->GetNextSibling(group))
        permissions_->UpdateItemParentStateRecursively(permissions_->GetFirstChild(group));
    permissions_->Enable(!role.allPermissions);
    defaultScope_->SetSelection(static_cast<int>(role.defaultScope));
    auto explicitScopes = book.scopes(role.key);
    for (auto& [entity, choice] : entityScopes_) {
        choice->SetSelection(0);
        for (const auto& [e, s] : explicitScopes)
            if (e == entity) choice->SetSelection(static_cast<int>(s) + 1);
    }
}

void RolesPanel::save() {
    if (current_ < 0) return;
    const auto& role = roles_[static_cast<size_t>(current_)];
    RoleBook book(host_.database(), clock(), actor(host_));
    try {
        if (!role.allPermissions) {
            std::set<std::string> granted;
            for (const auto& [key, item] : permissionItems_)
                if (permissions_->GetCheckedState(item) == wxCHK_CHECKED) granted.insert(key);
            book.setPermissions(role.key, granted);
        }
        book.setDefaultScope(role.key, kScopes[defaultScope_->GetSelection()]);
        for (const auto& [entity, choice] : entityScopes_)
            if (choice->GetSelection() > 0) book.setScope(role.key, entity, kScopes[choice->GetSelection() - 1]);
        host_.notify(tiller::ui::utf8(tr("Saved")));
    } catch (const tiller::Error& e) {
        tiller::ui::showError(this, tr("The role could not be saved"), e);
    }
}

}  // namespace people
