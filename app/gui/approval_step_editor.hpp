// One step of an approval flow as the administrator edits it (SPEC §8.1): its name, who
// approves (a role, a user, the submitter's department head, the record's owner, with a
// choice of the existing roles and users) and the conditions under which it applies, one
// field / comparison / value row each. Every change is reported at once through onChange.
#pragma once

#include <tiller/approval/flow.hpp>
#include <tiller/identity/people.hpp>

#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <functional>
#include <vector>

namespace tiller::gui {

class ApprovalStepEditor : public wxPanel {
public:
    ApprovalStepEditor(wxWindow* parent, std::vector<identity::Role> roles, std::vector<identity::User> users);

    // The fields a submission of the flow carries, offered for conditions (may be empty).
    void setFields(const std::vector<approval::FlowField>& fields);
    // Shows `step` (its name as `shownName`, translated); nullptr leaves the editor empty.
    void show(const approval::Step* step, const wxString& shownName);
    // The step as entered; only meaningful after show() with a step.
    const approval::Step& step() const { return step_; }

    std::function<void()> onChange;

private:
    void fillApprovers();
    void kindChosen();
    void whoChosen();
    void rebuildConditions();
    void readConditions();
    void changed();

    approval::Step step_;
    std::vector<identity::Role> roles_;
    std::vector<identity::User> users_;
    std::vector<std::string> whoKeys_;  // role key or login per entry of who_
    wxArrayString fieldNames_;
    bool loading_ = false;

    wxTextCtrl* name_;
    wxChoice* kind_;
    wxStaticText* whoLabel_;
    wxChoice* who_;
    wxFlexGridSizer* conditionRows_;
    wxStaticText* noConditions_;
    struct Row {
        wxComboBox* field;
        wxChoice* op;
        wxTextCtrl* value;
        wxButton* remove;
    };
    std::vector<Row> rows_;
};

// The text of a built-in role's name in the shell's language (people's own names pass through).
wxString roleLabel(const identity::Role& role);

}  // namespace tiller::gui
