// Administration > Users: everyone who may sign in, one editor for the selected person, and
// that person's history (who changed what, when).
#pragma once

#include <tiller/identity/people.hpp>
#include <tiller/plugin/host.hpp>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/textctrl.h>

namespace people {

class UsersPanel : public wxPanel {
public:
    UsersPanel(wxWindow* parent, tiller::plugin::Host& host);

private:
    void reload(const std::string& select = {});
    void show(int index);  // -1: a new user
    void save();
    void toggleActive();
    void showHistory(long long userId);

    tiller::plugin::Host& host_;
    std::vector<tiller::identity::User> users_;
    std::vector<tiller::identity::Department> departments_;
    std::vector<tiller::identity::Position> positions_;
    std::vector<tiller::identity::Role> roles_;
    int current_ = -1;
    wxListCtrl* list_;
    wxTextCtrl *login_, *name_, *phone_, *mobile_, *email_, *extension_, *agent_, *password_;
    wxChoice *department_, *position_;
    wxCheckListBox* roleChecks_;
    wxButton* activeButton_;
    wxListCtrl* history_;
};

}  // namespace people
