// The row of batch-action buttons under a declared list's search bar: one button per
// ListAction plugins contributed for the list (assign, move to the pool, change category ...),
// enabled when rows are selected and the person has the action's permission. It asks what the
// action needs (a person, a dictionary value, a yes), runs it on the selected records and
// reports "12 assigned, 2 refused: ..." through `finished`.
#pragma once

#include <tiller/clock.hpp>
#include <tiller/plugin/host.hpp>

#include <wx/panel.h>

#include <functional>
#include <vector>

class wxButton;
class wxListCtrl;
class wxListEvent;
class wxStaticText;

namespace tiller::ui {

class ListActionsBar : public wxPanel {
public:
    using Selection = std::function<std::vector<long long>()>;
    using Finished = std::function<void(const wxString& summary)>;

    ListActionsBar(wxWindow* parent, plugin::Host& host, const Clock& clock, std::vector<plugin::ListAction> actions,
                   wxListCtrl& table, Selection selection, Finished finished);

private:
    void onSelection(wxListEvent& event);
    void selectionChanged();
    void run(const plugin::ListAction& action);
    // What the action needs before it runs; false when the person cancelled.
    bool ask(const plugin::ListAction& action, std::size_t count, std::string& choice);

    plugin::Host& host_;
    const Clock& clock_;
    std::vector<plugin::ListAction> actions_;
    wxListCtrl& table_;
    Selection selection_;
    Finished finished_;
    wxStaticText* selected_;
    std::vector<std::pair<wxButton*, bool>> buttons_;  // button, allowed
};

}  // namespace tiller::ui
