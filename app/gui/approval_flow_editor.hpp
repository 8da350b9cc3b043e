// Administration > Approval flows (审批流程): the administrator chooses a flow, sees its steps
// in order, adds, removes, moves and edits them, sets what approval and rejection do, and
// saves (checked completely by approval::FlowBook; a refusal names the step and keeps every
// edit on screen) or puts the plugin's own flow back.
#pragma once

#include "approval_step_editor.hpp"

#include <tiller/approval/flow_book.hpp>
#include <tiller/runtime.hpp>
#include <tiller/ui/ui_registry.hpp>

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace tiller::gui {

class ApprovalFlowEditor : public wxPanel {
public:
    ApprovalFlowEditor(wxWindow* parent, Runtime& runtime);

private:
    approval::FlowBook book();
    void load(int index);
    void showFlow();
    void showSteps(int select);
    void stepChosen(long index);
    void stepEdited();
    void addStep();
    void removeStep();
    void moveStep(int by);
    void save();
    void reset();
    void showProblem(const wxString& text);
    bool keepEdits();
    long selectedStep() const;
    wxString stepName(const approval::Step& step) const;
    wxString approverText(const approval::Step& step) const;

    Runtime& runtime_;
    std::vector<approval::FlowEntry> entries_;
    int current_ = -1;
    approval::Flow flow_;  // as being edited
    int version_ = 0;
    bool dirty_ = false;
    std::vector<identity::Role> roles_;
    std::vector<identity::User> users_;

    wxChoice* flows_;
    wxStaticText* origin_;
    wxListCtrl* steps_;
    ApprovalStepEditor* step_;
    wxCheckBox* lock_;
    wxTextCtrl* onApprove_;
    wxChoice* onReject_;
    wxStaticText* problem_;
};

// Adds Administration > Approval flows (shell contribution) and its widget.
void registerApprovalFlowEditor(plugin::Registry& registry, ui::UiRegistry& widgets, Runtime& runtime);

}  // namespace tiller::gui
