// My approvals (待办): everything waiting for the signed-in person, from every plugin's flows,
// with Approve / Reject, a comment, and the history of the selected record.
#pragma once

#include <tiller/approval/engine.hpp>
#include <tiller/runtime.hpp>
#include <tiller/ui/ui_registry.hpp>

#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/textctrl.h>

namespace tiller::gui {

class ApprovalsPanel : public wxPanel {
public:
    ApprovalsPanel(wxWindow* parent, Runtime& runtime);

private:
    void reload();
    void act(bool approve);
    void showHistory(long index);

    Runtime& runtime_;
    std::vector<approval::Instance> waiting_;
    wxListCtrl* list_;
    wxTextCtrl* comment_;
    wxListCtrl* history_;
};

// Adds "My approvals" to the navigation (shell contribution) and its widget.
void registerApprovals(plugin::Registry& registry, ui::UiRegistry& widgets, Runtime& runtime);

}  // namespace tiller::gui
