#include "global_search.hpp"

#include <tiller/ui/text.hpp>
#include <tiller/ui/tr.hpp>

#include <wx/settings.h>
#include <wx/sizer.h>

namespace tiller::gui {
namespace {

constexpr int kPauseMs = 150;         // after the last key: fast typists do not start a search per key
constexpr int kHitsPerProvider = 10;  // a drop-down, not a report
constexpr int kPopupWidth = 620;
constexpr int kVisibleRows = 16;

}  // namespace

GlobalSearchBox::GlobalSearchBox(wxWindow* parent, Runtime& runtime, std::function<void(const std::string&)> open)
    : wxSearchCtrl(parent, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(280, -1), wxTE_PROCESS_ENTER),
      open_(std::move(open)),
      typing_(this) {
    SetDescriptiveText(ui::tr("Search customers, contacts... (Ctrl+K)"));
    ShowCancelButton(true);
    popup_ = new wxPopupWindow(wxGetTopLevelParent(parent), wxBORDER_SIMPLE);
    list_ = new wxListCtrl(popup_, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxLC_REPORT | wxLC_SINGLE_SEL | wxLC_NO_HEADER | wxBORDER_SIMPLE);
    list_->InsertColumn(0, wxEmptyString, wxLIST_FORMAT_LEFT, 230);
    list_->InsertColumn(1, wxEmptyString, wxLIST_FORMAT_LEFT, kPopupWidth - 250);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(list_, 1, wxEXPAND);
    popup_->SetSizer(sizer);

    worker_ = std::make_unique<SearchWorker>(runtime, [this](SearchAnswer answer) {
        // Back to the UI thread; an answer to an older question than the newest is dropped there.
        CallAfter([this, answer = std::move(answer)]() mutable {
            if (answer.question == current_) show(std::move(answer));
        });
    });

    Bind(wxEVT_TEXT, [this](wxCommandEvent&) { onTextChanged(); });
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { startSearch(); }, typing_.GetId());
    Bind(wxEVT_SEARCH, [this](wxCommandEvent&) { openSelected(); });
    Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { openSelected(); });
    Bind(wxEVT_SEARCH_CANCEL, [this](wxCommandEvent&) {
        ChangeValue(wxEmptyString);
        onTextChanged();
    });
    Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        switch (e.GetKeyCode()) {
            case WXK_DOWN: moveSelection(+1); return;
            case WXK_UP: moveSelection(-1); return;
            case WXK_ESCAPE: hidePopup(); return;
            default: e.Skip();
        }
    });
    Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
        e.Skip();
        // A click on the list takes the focus from the box: close only when it went elsewhere.
        CallAfter([this] {
            wxWindow* focus = wxWindow::FindFocus();
            if (focus != list_ && focus != this && (!focus || focus->GetParent() != this)) hidePopup();
        });
    });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { openSelected(); });
    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        // Group headings are not hits: the selection moves on to the hit below.
        if (e.GetIndex() >= 0 && targets_[static_cast<std::size_t>(e.GetIndex())].empty()) moveSelection(+1);
    });
}

GlobalSearchBox::~GlobalSearchBox() {
    worker_.reset();  // no answer arrives for a box that is going away
    typing_.Stop();
}

void GlobalSearchBox::onTextChanged() {
    ++current_;  // whatever is in flight is now stale
    if (GetValue().Strip(wxString::both).empty()) {
        typing_.Stop();
        message_.clear();
        shown_ = {};
        hidePopup();
        return;
    }
    typing_.StartOnce(kPauseMs);
}

void GlobalSearchBox::startSearch() {
    const std::string query = ui::utf8(GetValue().Strip(wxString::both));
    if (query.empty()) return;
    current_ = worker_->ask(query, kHitsPerProvider);
    if (shown_.groups.empty()) showMessage(ui::tr("Searching..."));
}

void GlobalSearchBox::searchForTests(const std::string& text) {
    SetFocus();
    ChangeValue(ui::text(text));
    onTextChanged();
    typing_.Stop();
    startSearch();
}

bool GlobalSearchBox::busy() const {
    return typing_.IsRunning() || (!GetValue().Strip(wxString::both).empty() && shown_.question != current_);
}

void GlobalSearchBox::show(SearchAnswer answer) {
    shown_ = std::move(answer);
    message_ = shown_.groups.empty() ? ui::tr("Nothing found") : wxString();
    fillList();
}

void GlobalSearchBox::showMessage(const wxString& message) {
    message_ = message;
    fillList();
}

void GlobalSearchBox::fillList() {
    list_->DeleteAllItems();
    targets_.clear();
    auto addRow = [&](const wxString& first, const wxString& second, const std::string& target) {
        long row = list_->InsertItem(list_->GetItemCount(), first);
        list_->SetItem(row, 1, second);
        targets_.push_back(target);
        return row;
    };
    const wxColour headingBack = wxSystemSettings::GetColour(wxSYS_COLOUR_BTNFACE);
    wxFont headingFont = list_->GetFont();
    headingFont.MakeBold();
    for (const auto& group : shown_.groups) {
        long heading = addRow(ui::text(group.label), wxEmptyString, "");
        list_->SetItemBackgroundColour(heading, headingBack);
        list_->SetItemFont(heading, headingFont);
        if (!group.error.empty()) addRow(ui::tr("Search failed:"), ui::text(group.error), "");
        for (const auto& hit : group.hits)
            addRow("  " + ui::text(hit.title), ui::text(hit.detail), hit.viewId + ":" + std::to_string(hit.recordId));
    }
    if (!message_.empty()) addRow(message_, wxEmptyString, "");
    // The first hit is chosen, so Enter opens it.
    for (std::size_t i = 0; i < targets_.size(); ++i)
        if (!targets_[i].empty()) {
            list_->SetItemState(static_cast<long>(i), wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
            break;
        }
    placePopup();
}

void GlobalSearchBox::placePopup() {
    if (targets_.empty()) {
        hidePopup();
        return;
    }
    wxRect row;
    const int rowHeight = list_->GetItemRect(0, row) ? row.height : GetCharHeight() + 8;
    const int rows = std::min<int>(static_cast<int>(targets_.size()), kVisibleRows);
    const wxSize size(kPopupWidth, rows * rowHeight + 6);
    // Right-aligned under the box, which sits at the right end of the toolbar.
    const wxPoint below = ClientToScreen(wxPoint(GetClientSize().x - size.x, GetClientSize().y + 2));
    popup_->SetSize(wxRect(below, size));
    popup_->Layout();
    if (!popup_->IsShown()) popup_->Show();
}

void GlobalSearchBox::hidePopup() {
    if (popup_->IsShown()) popup_->Hide();
}

void GlobalSearchBox::moveSelection(int step) {
    if (targets_.empty()) return;
    if (!popup_->IsShown()) placePopup();
    long at = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    const long count = static_cast<long>(targets_.size());
    for (long next = at + step; next >= 0 && next < count; next += step) {
        if (targets_[static_cast<std::size_t>(next)].empty()) continue;
        list_->SetItemState(next, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                            wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        list_->EnsureVisible(next);
        return;
    }
}

void GlobalSearchBox::openSelected() {
    long at = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (at < 0 || targets_[static_cast<std::size_t>(at)].empty()) return;
    const std::string target = targets_[static_cast<std::size_t>(at)];
    hidePopup();
    // Not inside the list's or the box's own event handler: the record dialog is modal.
    CallAfter([this, target] { open_(target); });
}

nlohmann::json GlobalSearchBox::describe() const {
    nlohmann::json groups = nlohmann::json::array();
    for (const auto& group : shown_.groups) {
        nlohmann::json hits = nlohmann::json::array();
        for (const auto& hit : group.hits)
            hits.push_back({{"title", hit.title},
                            {"detail", hit.detail},
                            {"open", hit.viewId + ":" + std::to_string(hit.recordId)}});
        groups.push_back({{"provider", group.providerId}, {"label", group.label}, {"hits", hits}, {"error", group.error}});
    }
    long selected = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return {{"query", ui::utf8(GetValue())},
            {"placeholder", ui::utf8(GetDescriptiveText())},
            {"shown", popup_->IsShown()},
            {"busy", busy()},
            {"message", ui::utf8(message_)},
            {"selected", selected >= 0 ? targets_[static_cast<std::size_t>(selected)] : ""},
            {"groups", groups}};
}

}  // namespace tiller::gui
