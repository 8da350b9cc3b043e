#include "approvals_panel.hpp"
#include "approval_flow_editor.hpp"

#include <tiller/errors.hpp>
#include <tiller/ui/error_dialog.hpp>
#include <tiller/ui/tr.hpp>

#include <wx/button.h>
#include <wx/datetime.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace tiller::gui {

ApprovalsPanel::ApprovalsPanel(wxWindow* parent, Runtime& runtime) : wxPanel(parent), runtime_(runtime) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    for (auto [label, width] : {std::pair{N_("Approval"), 220}, {N_("Record"), 160}, {N_("Step"), 160}, {N_("Details"), 300}})
        list_->AppendColumn(ui::tr(label), wxLIST_FORMAT_LEFT, FromDIP(width));
    sizer->Add(list_, 2, wxEXPAND | wxALL, FromDIP(8));
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(this, wxID_ANY, ui::tr("Comment")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
    comment_ = new wxTextCtrl(this, wxID_ANY);
    row->Add(comment_, 1, wxRIGHT, FromDIP(6));
    auto* approve = new wxButton(this, wxID_ANY, ui::tr("Approve"));
    auto* reject = new wxButton(this, wxID_ANY, ui::tr("Reject"));
    row->Add(approve, 0, wxRIGHT, FromDIP(6));
    row->Add(reject);
    sizer->Add(row, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    sizer->Add(new wxStaticText(this, wxID_ANY, ui::tr("History of the selected record")), 0, wxALL, FromDIP(8));
    history_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT);
    for (auto [label, width] : {std::pair{N_("When"), 140}, {N_("Who"), 120}, {N_("Step"), 160}, {N_("Action"), 90}, {N_("Comment"), 260}})
        history_->AppendColumn(ui::tr(label), wxLIST_FORMAT_LEFT, FromDIP(width));
    sizer->Add(history_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
    SetSizer(sizer);
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) { showHistory(e.GetIndex()); });
    approve->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { act(true); });
    reject->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { act(false); });
    reload();
}

void ApprovalsPanel::reload() {
    waiting_ = approval::Engine(runtime_.host(), runtime_.clock()).inbox();
    list_->DeleteAllItems();
    for (size_t i = 0; i < waiting_.size(); ++i) {
        const auto& w = waiting_[i];
        const auto* flow = runtime_.registry().flow(w.flowId);
        std::string domain = runtime_.registry().flowDomain(w.flowId);
        long row = list_->InsertItem(static_cast<long>(i), ui::text(i18n::tr(flow ? flow->name : w.flowId, domain)));
        list_->SetItem(row, 1, ui::text(w.entity + " " + std::to_string(w.recordId)));
        list_->SetItem(row, 2, ui::text(i18n::tr(w.currentStepName, domain)));
        std::string details;
        for (const auto& [k, v] : w.fields) details += (details.empty() ? "" : ", ") + k + " = " + v;
        list_->SetItem(row, 3, ui::text(details));
    }
    history_->DeleteAllItems();
    if (!waiting_.empty()) {
        list_->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
        showHistory(0);
    }
}

void ApprovalsPanel::showHistory(long index) {
    history_->DeleteAllItems();
    if (index < 0 || static_cast<size_t>(index) >= waiting_.size()) return;
    const auto& w = waiting_[static_cast<size_t>(index)];
    long row = 0;
    std::string domain = runtime_.registry().flowDomain(w.flowId);
    for (const auto& h : approval::Engine(runtime_.host(), runtime_.clock()).history(w.entity, w.recordId)) {
        history_->InsertItem(row, wxDateTime(static_cast<time_t>(h.at / 1000)).Format("%Y-%m-%d %H:%M"));
        history_->SetItem(row, 1, ui::text(h.actorName));
        history_->SetItem(row, 2, ui::text(i18n::tr(h.stepName, domain)));
        history_->SetItem(row, 3, ui::tr(h.action.c_str()));
        history_->SetItem(row, 4, ui::text(h.comment));
        ++row;
    }
}

void ApprovalsPanel::act(bool approve) {
    long selected = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (selected < 0) return;
    approval::Engine engine(runtime_.host(), runtime_.clock());
    try {
        auto id = waiting_[static_cast<size_t>(selected)].id;
        if (approve) engine.approve(id, ui::utf8(comment_->GetValue()));
        else engine.reject(id, ui::utf8(comment_->GetValue()));
        comment_->Clear();
        reload();
    } catch (const Error& e) {
        ui::showError(this, ui::tr("The approval could not be recorded"), e);
    }
}

void registerApprovals(plugin::Registry& registry, ui::UiRegistry& widgets, Runtime& runtime) {
    registry.setOwner("shell");
    plugin::NavigationView view;
    view.id = "shell.approvals";
    view.label = N_("My approvals");
    view.group = N_("My work");
    view.order = 0;
    registry.add(view);
    widgets.addView("shell.approvals", [&runtime](wxWindow* parent, plugin::Host&) { return new ApprovalsPanel(parent, runtime); });
    registerApprovalFlowEditor(registry, widgets, runtime);  // Administration > Approval flows
}

// The actions as shown in the history, for the catalog.
[[maybe_unused]] const char* kActions[] = {N_("submit"), N_("approve"), N_("reject"), N_("return")};

}  // namespace tiller::gui
