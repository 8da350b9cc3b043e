#include "approval_step_editor.hpp"

#include <tiller/ui/tr.hpp>

#include <wx/button.h>

#include <algorithm>

namespace tiller::gui {
namespace {

const char* kOps[] = {"=", "!=", ">", ">=", "<", "<="};

// The built-in roles' names, for the catalog (roles people add keep the name they typed).
[[maybe_unused]] const char* kBuiltInRoles[] = {N_("Administrator"), N_("Sales"), N_("Service agent"), N_("Warehouse"),
                                                N_("Finance")};

}  // namespace

wxString roleLabel(const identity::Role& role) {
    return ui::text(role.builtIn ? i18n::tr(std::string_view(role.name)) : role.name);
}

ApprovalStepEditor::ApprovalStepEditor(wxWindow* parent, std::vector<identity::Role> roles, std::vector<identity::User> users)
    : wxPanel(parent), roles_(std::move(roles)), users_(std::move(users)) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* form = new wxFlexGridSizer(2, FromDIP(wxSize(10, 8)));
    form->AddGrowableCol(1);
    name_ = new wxTextCtrl(this, wxID_ANY);
    form->Add(new wxStaticText(this, wxID_ANY, ui::tr("Step name")), 0, wxALIGN_CENTER_VERTICAL);
    form->Add(name_, 1, wxEXPAND);
    kind_ = new wxChoice(this, wxID_ANY);
    for (const char* k : {N_("Role"), N_("User"), N_("Department head of the submitter"), N_("Record owner")})
        kind_->Append(ui::tr(k));
    form->Add(new wxStaticText(this, wxID_ANY, ui::tr("Approver")), 0, wxALIGN_CENTER_VERTICAL);
    form->Add(kind_, 1, wxEXPAND);
    whoLabel_ = new wxStaticText(this, wxID_ANY, ui::tr("Role"));
    who_ = new wxChoice(this, wxID_ANY);
    form->Add(whoLabel_, 0, wxALIGN_CENTER_VERTICAL);
    form->Add(who_, 1, wxEXPAND);
    sizer->Add(form, 0, wxEXPAND | wxBOTTOM, FromDIP(12));

    sizer->Add(new wxStaticText(this, wxID_ANY, ui::tr("Conditions (the step applies only when all hold)")), 0,
               wxBOTTOM, FromDIP(6));
    conditionRows_ = new wxFlexGridSizer(4, FromDIP(wxSize(6, 6)));
    conditionRows_->AddGrowableCol(2);
    sizer->Add(conditionRows_, 0, wxEXPAND | wxBOTTOM, FromDIP(6));
    noConditions_ = new wxStaticText(this, wxID_ANY, ui::tr("No conditions: the step always applies."));
    sizer->Add(noConditions_, 0, wxBOTTOM, FromDIP(6));
    auto* addCondition = new wxButton(this, wxID_ANY, ui::tr("Add condition"));
    sizer->Add(addCondition, 0);
    SetSizer(sizer);

    name_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        step_.name = ui::utf8(name_->GetValue());
        changed();
    });
    kind_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { kindChosen(); });
    who_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { whoChosen(); });
    addCondition->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        readConditions();
        step_.when.push_back({fieldNames_.empty() ? "" : ui::utf8(fieldNames_[0]), ">", ""});
        rebuildConditions();
        changed();
        if (!rows_.empty()) rows_.back().value->SetFocus();
    });
    show(nullptr, "");
}

void ApprovalStepEditor::setFields(const std::vector<approval::FlowField>& fields) {
    fieldNames_.clear();
    for (const auto& f : fields) fieldNames_.Add(ui::text(f.name));
}

void ApprovalStepEditor::show(const approval::Step* step, const wxString& shownName) {
    loading_ = true;
    step_ = step ? *step : approval::Step{};
    name_->ChangeValue(step ? shownName : wxString());
    kind_->SetSelection(step ? static_cast<int>(step_.approver) : wxNOT_FOUND);
    fillApprovers();
    rebuildConditions();
    Enable(step != nullptr);
    loading_ = false;
}

void ApprovalStepEditor::fillApprovers() {
    who_->Clear();
    whoKeys_.clear();
    bool named = step_.approver == approval::Step::Approver::role || step_.approver == approval::Step::Approver::user;
    whoLabel_->SetLabel(ui::tr(step_.approver == approval::Step::Approver::user ? "User" : "Role"));
    who_->Enable(named && kind_->GetSelection() != wxNOT_FOUND);
    if (!named || kind_->GetSelection() == wxNOT_FOUND) return;
    if (step_.approver == approval::Step::Approver::role) {
        for (const auto& r : roles_) {
            who_->Append(roleLabel(r));
            whoKeys_.push_back(r.key);
        }
    } else {
        for (const auto& u : users_) {
            if (!u.active) continue;
            who_->Append(ui::text(u.name + " (" + u.login + ")"));
            whoKeys_.push_back(u.login);
        }
    }
    if (step_.who.empty()) return;
    auto it = std::find(whoKeys_.begin(), whoKeys_.end(), step_.who);
    if (it == whoKeys_.end()) {  // named by the plugin but not here: kept, so Save can say so
        who_->Append(wxString::Format(ui::tr("%s (does not exist)"), ui::text(step_.who)));
        whoKeys_.push_back(step_.who);
        it = whoKeys_.end() - 1;
    }
    who_->SetSelection(static_cast<int>(it - whoKeys_.begin()));
}

void ApprovalStepEditor::kindChosen() {
    int kind = kind_->GetSelection();
    if (kind == wxNOT_FOUND) return;
    auto chosen = static_cast<approval::Step::Approver>(kind);
    if (chosen != step_.approver) step_.who.clear();
    step_.approver = chosen;
    fillApprovers();
    if (who_->IsEnabled() && step_.who.empty() && who_->GetCount() > 0) {
        who_->SetSelection(0);
        step_.who = whoKeys_[0];
    }
    changed();
}

void ApprovalStepEditor::whoChosen() {
    int chosen = who_->GetSelection();
    if (chosen == wxNOT_FOUND) return;
    step_.who = whoKeys_[static_cast<size_t>(chosen)];
    changed();
}

void ApprovalStepEditor::readConditions() {
    step_.when.clear();
    for (const auto& row : rows_) {
        int op = row.op->GetSelection();
        step_.when.push_back({ui::utf8(row.field->GetValue()), op == wxNOT_FOUND ? "" : kOps[op],
                              ui::utf8(row.value->GetValue())});
    }
}

void ApprovalStepEditor::rebuildConditions() {
    for (auto& row : rows_)
        for (wxWindow* w : std::initializer_list<wxWindow*>{row.field, row.op, row.value, row.remove}) w->Destroy();
    rows_.clear();
    conditionRows_->Clear();
    for (size_t i = 0; i < step_.when.size(); ++i) {
        const auto& c = step_.when[i];
        Row row;
        row.field = new wxComboBox(this, wxID_ANY, ui::text(c.field), wxDefaultPosition, FromDIP(wxSize(140, -1)), fieldNames_);
        row.op = new wxChoice(this, wxID_ANY);
        for (const char* op : kOps) row.op->Append(op);
        row.op->SetStringSelection(ui::text(c.op));
        row.value = new wxTextCtrl(this, wxID_ANY, ui::text(c.value));
        row.remove = new wxButton(this, wxID_ANY, ui::tr("Remove"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
        conditionRows_->Add(row.field, 0, wxALIGN_CENTER_VERTICAL);
        conditionRows_->Add(row.op, 0, wxALIGN_CENTER_VERTICAL);
        conditionRows_->Add(row.value, 1, wxEXPAND | wxALIGN_CENTER_VERTICAL);
        conditionRows_->Add(row.remove, 0, wxALIGN_CENTER_VERTICAL);
        auto edited = [this](wxCommandEvent&) {
            if (loading_) return;
            readConditions();
            changed();
        };
        row.field->Bind(wxEVT_TEXT, edited);
        row.field->Bind(wxEVT_COMBOBOX, edited);
        row.op->Bind(wxEVT_CHOICE, edited);
        row.value->Bind(wxEVT_TEXT, edited);
        row.remove->Bind(wxEVT_BUTTON, [this, i](wxCommandEvent&) {
            readConditions();
            step_.when.erase(step_.when.begin() + static_cast<long>(i));
            CallAfter([this] {  // not while the button's own handler runs
                rebuildConditions();
                changed();
            });
        });
        rows_.push_back(row);
    }
    noConditions_->Show(rows_.empty());
    Layout();
    if (GetParent()) GetParent()->Layout();
}

void ApprovalStepEditor::changed() {
    if (!loading_ && onChange) onChange();
}

}  // namespace tiller::gui
