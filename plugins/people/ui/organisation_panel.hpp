// Administration > Organisation: the tree of units and departments, and the one selected.
#pragma once

#include <tiller/identity/people.hpp>
#include <tiller/plugin/host.hpp>

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/listbox.h>
#include <wx/panel.h>
#include <wx/textctrl.h>
#include <wx/treectrl.h>

#include <map>

namespace people {

class OrganisationPanel : public wxPanel {
public:
    OrganisationPanel(wxWindow* parent, tiller::plugin::Host& host);

private:
    void reload(std::optional<long long> select = {});
    void show(std::optional<long long> id);
    void save();
    void addBelow();
    void remove();

    tiller::plugin::Host& host_;
    std::vector<tiller::identity::Department> departments_;
    std::map<wxTreeItemId, long long> ids_;
    std::optional<long long> current_;
    wxTreeCtrl* tree_;
    wxTextCtrl* name_;
    wxTextCtrl* phone_;
    wxCheckBox* unit_;
    wxChoice* parent_;
    wxListBox* people_;
};

}  // namespace people
