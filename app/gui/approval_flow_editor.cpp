#include "approval_flow_editor.hpp"

#include <tiller/errors.hpp>
#include <tiller/ui/error_dialog.hpp>
#include <tiller/ui/tr.hpp>

#include <wx/button.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/statbox.h>

namespace tiller::gui {
namespace {
const char* kRejections[] = {"rejected", "return", "abnormal"};
}  // namespace

ApprovalFlowEditor::ApprovalFlowEditor(wxWindow* parent, Runtime& runtime) : wxPanel(parent), runtime_(runtime) {
    roles_ = identity::RoleBook(runtime_.database(), runtime_.clock(), {}).roles();
    users_ = identity::UserDirectory(runtime_.database(), runtime_.clock(), {}).users();

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(new wxStaticText(this, wxID_ANY, ui::tr("Approval flow")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
    flows_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(440, -1)));
    top->Add(flows_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(12));
    origin_ = new wxStaticText(this, wxID_ANY, "");
    top->Add(origin_, 1, wxALIGN_CENTER_VERTICAL);
    sizer->Add(top, 0, wxEXPAND | wxALL, FromDIP(10));

    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(new wxStaticText(this, wxID_ANY, ui::tr("Steps, in order")), 0, wxBOTTOM, FromDIP(4));
    steps_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(520, 200)), wxLC_REPORT | wxLC_SINGLE_SEL);
    for (auto [label, width] : {std::pair{N_("No."), 44}, {N_("Step name"), 140}, {N_("Approver"), 170}, {N_("Condition"), 230}})
        steps_->AppendColumn(ui::tr(label), wxLIST_FORMAT_LEFT, FromDIP(width));
    left->Add(steps_, 1, wxEXPAND | wxBOTTOM, FromDIP(6));
    auto* stepButtons = new wxBoxSizer(wxHORIZONTAL);
    auto* add = new wxButton(this, wxID_ANY, ui::tr("Add step"));
    auto* remove = new wxButton(this, wxID_ANY, ui::tr("Remove step"));
    auto* up = new wxButton(this, wxID_ANY, ui::tr("Move up"));
    auto* down = new wxButton(this, wxID_ANY, ui::tr("Move down"));
    for (auto* b : {add, remove, up, down}) stepButtons->Add(b, 0, wxRIGHT, FromDIP(6));
    left->Add(stepButtons, 0);
    columns->Add(left, 3, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));

    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, ui::tr("Selected step"));
    step_ = new ApprovalStepEditor(box->GetStaticBox(), roles_, users_);
    box->Add(step_, 1, wxEXPAND | wxALL, FromDIP(8));
    columns->Add(box, 2, wxEXPAND | wxRIGHT, FromDIP(10));
    sizer->Add(columns, 1, wxEXPAND);

    auto* outcome = new wxFlexGridSizer(2, FromDIP(wxSize(10, 8)));
    lock_ = new wxCheckBox(this, wxID_ANY, ui::tr("Lock the record while it waits for approval"));
    outcome->Add(lock_, 0, wxALIGN_CENTER_VERTICAL);
    outcome->AddSpacer(0);
    outcome->Add(new wxStaticText(this, wxID_ANY, ui::tr("When approved, the record's state becomes")), 0, wxALIGN_CENTER_VERTICAL);
    onApprove_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, FromDIP(wxSize(200, -1)));
    outcome->Add(onApprove_, 0);
    outcome->Add(new wxStaticText(this, wxID_ANY, ui::tr("When rejected")), 0, wxALIGN_CENTER_VERTICAL);
    onReject_ = new wxChoice(this, wxID_ANY);
    for (const char* r : {N_("Rejected"), N_("Return to the submitter"), N_("Abnormal (to the abnormal list)")}) onReject_->Append(ui::tr(r));
    outcome->Add(onReject_, 0);
    sizer->Add(outcome, 0, wxALL, FromDIP(10));

    auto* actions = new wxBoxSizer(wxHORIZONTAL);
    auto* saveButton = new wxButton(this, wxID_ANY, ui::tr("Save"));
    auto* resetButton = new wxButton(this, wxID_ANY, ui::tr("Reset to the plugin's flow"));
    actions->Add(saveButton, 0, wxRIGHT, FromDIP(6));
    actions->Add(resetButton, 0, wxRIGHT, FromDIP(12));
    problem_ = new wxStaticText(this, wxID_ANY, "");
    problem_->SetForegroundColour(wxColour(176, 0, 32));
    actions->Add(problem_, 1, wxALIGN_CENTER_VERTICAL);
    sizer->Add(actions, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10));
    SetSizer(sizer);

    flows_->Bind(wxEVT_CHOICE, [this](wxCommandEvent& e) {
        if (!keepEdits()) {
            flows_->SetSelection(current_);
            return;
        }
        load(e.GetSelection());
    });
    steps_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) { stepChosen(e.GetIndex()); });
    step_->onChange = [this] { stepEdited(); };
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { addStep(); });
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { removeStep(); });
    up->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { moveStep(-1); });
    down->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { moveStep(1); });
    lock_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
        flow_.lockRecord = lock_->GetValue();
        dirty_ = true;
    });
    onApprove_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        flow_.onApprove = ui::utf8(onApprove_->GetValue());
        dirty_ = true;
    });
    onReject_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        if (onReject_->GetSelection() != wxNOT_FOUND) flow_.onReject = kRejections[onReject_->GetSelection()];
        dirty_ = true;
    });
    saveButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
    resetButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { reset(); });

    entries_ = book().flows();
    for (const auto& e : entries_)
        flows_->Append(ui::text(i18n::tr(e.flow.name, runtime_.registry().flowDomain(e.flow.id)) + "  (" + e.flow.id + ")"));
    if (!entries_.empty()) {
        flows_->SetSelection(0);
        load(0);
    } else {
        origin_->SetLabel(ui::tr("No running plugin declares an approval flow."));
        step_->Disable();
    }
}

approval::FlowBook ApprovalFlowEditor::book() { return approval::FlowBook(runtime_.host(), runtime_.clock()); }

bool ApprovalFlowEditor::keepEdits() {
    if (!dirty_) return true;
    return wxMessageBox(ui::tr("The changes to this approval flow are not saved. Discard them?"), ui::tr("Approval flows"),
                        wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, this) == wxYES;
}

void ApprovalFlowEditor::load(int index) {
    if (index < 0 || static_cast<size_t>(index) >= entries_.size()) return;
    current_ = index;
    entries_[static_cast<size_t>(index)] = book().find(entries_[static_cast<size_t>(index)].flow.id);
    const auto& entry = entries_[static_cast<size_t>(index)];
    flow_ = entry.flow;
    version_ = entry.version;
    dirty_ = false;
    showFlow();
    try {
        book().checkApprovers(flow_);
        showProblem("");
    } catch (const approval::FlowError& e) {
        showProblem(wxString::Format(ui::tr("This flow cannot be used as it is: %s"), ui::text(e.reason())));
    }
}

void ApprovalFlowEditor::showFlow() {
    const auto& entry = entries_[static_cast<size_t>(current_)];
    origin_->SetLabel(entry.customised ? ui::tr("Changed by the administrator.")
                                       : wxString::Format(ui::tr("As shipped by the plugin %s."),
                                                          ui::tr(runtime_.registry().ownerName(entry.owner))));
    step_->setFields(flow_.fields);
    lock_->SetValue(flow_.lockRecord);
    onApprove_->ChangeValue(ui::text(flow_.onApprove));
    for (int i = 0; i < 3; ++i)
        if (flow_.onReject == kRejections[i]) onReject_->SetSelection(i);
    showSteps(flow_.steps.empty() ? -1 : 0);
}

wxString ApprovalFlowEditor::stepName(const approval::Step& step) const {
    return ui::text(i18n::tr(step.name, runtime_.registry().flowDomain(flow_.id)));
}

wxString ApprovalFlowEditor::approverText(const approval::Step& step) const {
    using A = approval::Step::Approver;
    switch (step.approver) {
        case A::departmentHead: return ui::tr("Department head of the submitter");
        case A::owner: return ui::tr("Record owner");
        case A::role:
            for (const auto& r : roles_)
                if (r.key == step.who) return ui::tr("Role") + ": " + roleLabel(r);
            return ui::tr("Role") + ": " + wxString::Format(ui::tr("%s (does not exist)"), ui::text(step.who));
        case A::user:
            for (const auto& u : users_)
                if (u.login == step.who) return ui::tr("User") + ": " + ui::text(u.name);
            return ui::tr("User") + ": " + wxString::Format(ui::tr("%s (does not exist)"), ui::text(step.who));
    }
    return "";
}

void ApprovalFlowEditor::showSteps(int select) {
    steps_->DeleteAllItems();
    for (size_t i = 0; i < flow_.steps.size(); ++i) {
        const auto& s = flow_.steps[i];
        long row = steps_->InsertItem(static_cast<long>(i), wxString::Format("%d", static_cast<int>(i + 1)));
        steps_->SetItem(row, 1, stepName(s));
        steps_->SetItem(row, 2, approverText(s));
        steps_->SetItem(row, 3, s.when.empty() ? ui::tr("Always") : ui::text(approval::conditionText(s.when)));
    }
    if (select >= 0 && select < steps_->GetItemCount()) {
        steps_->SetItemState(select, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        steps_->EnsureVisible(select);
        stepChosen(select);
    } else {
        stepChosen(-1);
    }
}

long ApprovalFlowEditor::selectedStep() const { return steps_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); }

void ApprovalFlowEditor::stepChosen(long index) {
    if (index < 0 || static_cast<size_t>(index) >= flow_.steps.size()) {
        step_->show(nullptr, "");
        return;
    }
    const auto& s = flow_.steps[static_cast<size_t>(index)];
    step_->show(&s, stepName(s));
}

void ApprovalFlowEditor::stepEdited() {
    long index = selectedStep();
    if (index < 0 || static_cast<size_t>(index) >= flow_.steps.size()) return;
    auto& s = flow_.steps[static_cast<size_t>(index)];
    s = step_->step();
    dirty_ = true;
    steps_->SetItem(index, 1, stepName(s));
    steps_->SetItem(index, 2, approverText(s));
    steps_->SetItem(index, 3, s.when.empty() ? ui::tr("Always") : ui::text(approval::conditionText(s.when)));
}

void ApprovalFlowEditor::addStep() {
    if (current_ < 0) return;
    approval::Step s;
    s.name = ui::utf8(ui::tr("New step"));
    s.approver = approval::Step::Approver::role;
    s.who = "administrator";
    long at = selectedStep();
    size_t where = at < 0 ? flow_.steps.size() : static_cast<size_t>(at) + 1;
    flow_.steps.insert(flow_.steps.begin() + static_cast<long>(where), s);
    dirty_ = true;
    showSteps(static_cast<int>(where));
}

void ApprovalFlowEditor::removeStep() {
    long at = selectedStep();
    if (at < 0) return;
    flow_.steps.erase(flow_.steps.begin() + at);
    dirty_ = true;
    showSteps(std::min(static_cast<int>(at), static_cast<int>(flow_.steps.size()) - 1));
}

void ApprovalFlowEditor::moveStep(int by) {
    long at = selectedStep();
    long to = at + by;
    if (at < 0 || to < 0 || static_cast<size_t>(to) >= flow_.steps.size()) return;
    std::swap(flow_.steps[static_cast<size_t>(at)], flow_.steps[static_cast<size_t>(to)]);
    dirty_ = true;
    showSteps(static_cast<int>(to));
}

void ApprovalFlowEditor::showProblem(const wxString& text) {
    problem_->SetLabel(text);
    problem_->Wrap(FromDIP(560));
    Layout();
}

void ApprovalFlowEditor::save() {
    if (current_ < 0) return;
    try {
        book().save(flow_.id, flow_, version_);
        long keep = selectedStep();
        load(current_);
        showSteps(static_cast<int>(keep));
        runtime_.host().notify(ui::utf8(ui::tr("The approval flow is saved; new submissions follow it.")));
    } catch (const approval::FlowError& e) {
        // Nothing is lost: the edits stay on screen, with the step concerned selected.
        if (e.step() >= 0) showSteps(e.step());
        showProblem(wxString::Format(ui::tr("Not saved: %s"), ui::text(e.reason())));
        ui::showError(this, ui::tr("The approval flow could not be saved"), e);
    } catch (const Error& e) {
        showProblem(wxString::Format(ui::tr("Not saved: %s"), ui::text(e.what())));
        ui::showError(this, ui::tr("The approval flow could not be saved"), e);
    }
}

void ApprovalFlowEditor::reset() {
    if (current_ < 0) return;
    if (wxMessageBox(ui::tr("Put the plugin's own version of this approval flow back? Your changes to it are lost."),
                     ui::tr("Approval flows"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, this) != wxYES)
        return;
    try {
        book().reset(flow_.id);
        load(current_);
    } catch (const Error& e) {
        ui::showError(this, ui::tr("The approval flow could not be reset"), e);
    }
}

void registerApprovalFlowEditor(plugin::Registry& registry, ui::UiRegistry& widgets, Runtime& runtime) {
    registry.setOwner("shell");
    plugin::NavigationView view;
    view.id = "shell.approval_flows";
    view.label = N_("Approval flows");
    view.group = N_("Administration");
    view.permission = approval::FlowBook::kPermission;
    view.order = 960;  // after the people screens and the data dictionary
    registry.add(view);
    widgets.addView("shell.approval_flows",
                    [&runtime](wxWindow* parent, plugin::Host&) { return new ApprovalFlowEditor(parent, runtime); });
}

}  // namespace tiller::gui
