// Administration > Roles and permissions: for the chosen role, every permission the shell and
// the plugins declare, ticked in one tree grouped by plugin, and which records it sees.
#pragma once

#include <tiller/identity/people.hpp>
#include <tiller/plugin/host.hpp>

#include <wx/choice.h>
#include <wx/listbox.h>
#include <wx/panel.h>
#include <wx/treelist.h>

#include <map>

namespace people {

class RolesPanel : public wxPanel {
public:
    RolesPanel(wxWindow* parent, tiller::plugin::Host& host);

private:
    void showRole(int index);
    void save();

    tiller::plugin::Host& host_;
    std::vector<tiller::identity::Role> roles_;
    int current_ = -1;
    wxListBox* roleList_;
    wxTreeListCtrl* permissions_;
    std::map<std::string, wxTreeListItem> permissionItems_;
    wxChoice* defaultScope_;
    std::vector<std::pair<std::string, wxChoice*>> entityScopes_;  // entity -> choice
};

}  // namespace people
