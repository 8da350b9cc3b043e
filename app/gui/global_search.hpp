// The shell's one search box (SPEC §2.12), on the right of the toolbar (Ctrl+K): as the person
// types, every plugin's SearchProvider is asked on a worker thread (SearchWorker) and the hits
// drop down below the box, grouped by provider, each with its title and a line of detail. Up and
// Down choose a hit, Enter or a double-click opens it (the callback given, with the hit's
// "viewId:recordId", e.g. "record:contacts.customer:42"), Escape closes the list.
#pragma once

#include "search_worker.hpp"

#include <nlohmann/json.hpp>

#include <wx/listctrl.h>
#include <wx/popupwin.h>
#include <wx/srchctrl.h>
#include <wx/timer.h>

#include <functional>
#include <memory>
#include <string>

namespace tiller::gui {

class GlobalSearchBox : public wxSearchCtrl {
public:
    GlobalSearchBox(wxWindow* parent, Runtime& runtime, std::function<void(const std::string&)> open);
    ~GlobalSearchBox() override;

    // Test mode (`tiller --search TEXT`): as if TEXT had been typed.
    void searchForTests(const std::string& text);
    // True while a search is waiting to start or running.
    bool busy() const;
    // What the box shows, for `--describe`: the query and the hits by group.
    nlohmann::json describe() const;

private:
    void onTextChanged();
    void startSearch();
    void show(SearchAnswer answer);
    void showMessage(const wxString& message);
    void fillList();
    void placePopup();
    void hidePopup();
    void moveSelection(int step);
    void openSelected();

    std::function<void(const std::string&)> open_;
    wxTimer typing_;  // a short pause after the last key before searching
    wxPopupWindow* popup_ = nullptr;
    wxListCtrl* list_ = nullptr;
    std::vector<std::string> targets_;  // per list row: "viewId:recordId", "" for group headings
    SearchAnswer shown_;
    wxString message_;  // "Searching...", "Nothing found": shown instead of hits
    long long current_ = 0;  // the newest question asked; older answers are dropped
    std::unique_ptr<SearchWorker> worker_;  // last: destroyed (joined) first
};

}  // namespace tiller::gui
