#include <tiller/ui/list_actions_bar.hpp>

#include <tiller/ui/error_dialog.hpp>
#include <tiller/ui/tr.hpp>

#include <tiller/dictionary/dictionary.hpp>
#include <tiller/identity/people.hpp>
#include <tiller/plugin/list_actions.hpp>

#include <wx/button.h>
#include <wx/choicdlg.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/utils.h>

namespace tiller::ui {

ListActionsBar::ListActionsBar(wxWindow* parent, plugin::Host& host, const Clock& clock, std::vector<plugin::ListAction> actions,
                               wxListCtrl& table, Selection selection, Finished finished)
    : wxPanel(parent), host_(host), clock_(clock), actions_(std::move(actions)), table_(table),
      selection_(std::move(selection)), finished_(std::move(finished)) {
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    selected_ = new wxStaticText(this, wxID_ANY, "");
    sizer->Add(selected_, 0, wxRIGHT | wxALIGN_CENTER_VERTICAL, FromDIP(8));
    for (std::size_t i = 0; i < actions_.size(); ++i) {
        auto* button = new wxButton(this, wxID_ANY, ui::tr(actions_[i].label));
        button->SetName(text(actions_[i].id));
        bool allowed = actions_[i].permission.empty() || host_.allows(actions_[i].permission);
        buttons_.emplace_back(button, allowed);
        sizer->Add(button, 0, wxRIGHT | wxALIGN_CENTER_VERTICAL, FromDIP(4));
        button->Bind(wxEVT_BUTTON, [this, i](wxCommandEvent&) { run(actions_[i]); });
    }
    SetSizer(sizer);
    // This bar is the handler object: wx disconnects it by itself when either window goes
    // (the table is destroyed first, being the older sibling, so no Unbind here).
    table_.Bind(wxEVT_LIST_ITEM_SELECTED, &ListActionsBar::onSelection, this);
    table_.Bind(wxEVT_LIST_ITEM_DESELECTED, &ListActionsBar::onSelection, this);
    selectionChanged();
}

void ListActionsBar::onSelection(wxListEvent& event) {
    event.Skip();
    selectionChanged();
}

void ListActionsBar::selectionChanged() {
    int count = table_.GetSelectedItemCount();
    selected_->SetLabel(wxString::Format(ui::tr("Selected: %d"), count));
    for (auto& [button, allowed] : buttons_) button->Enable(allowed && count > 0);
    Layout();
}

bool ListActionsBar::ask(const plugin::ListAction& action, std::size_t count, std::string& choice) {
    using Kind = plugin::ListActionInput::Kind;
    wxString prompt = action.input.prompt.empty() ? ui::tr(action.label) : ui::tr(action.input.prompt);
    wxString title = ui::tr(action.label);
    switch (action.input.kind) {
        case Kind::none: return true;
        case Kind::confirm: {
            wxString question = prompt + "\n\n" + wxString::Format(ui::tr("Selected records: %d"), static_cast<int>(count));
            return wxMessageBox(question, title, wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, this) == wxYES;
        }
        case Kind::user: {
            std::vector<identity::User> people;
            for (auto& u : identity::UserDirectory(host_.database(), clock_, {host_.actingUser()}).users())
                if (u.active) people.push_back(std::move(u));
            wxArrayString names;
            for (const auto& u : people) names.Add(text(u.name.empty() ? u.login : u.name + " (" + u.login + ")"));
            wxSingleChoiceDialog pick(this, prompt, title, names);
            if (pick.ShowModal() != wxID_OK || pick.GetSelection() < 0) return false;
            choice = std::to_string(people[static_cast<std::size_t>(pick.GetSelection())].id);
            return true;
        }
        case Kind::dictionary: {
            auto values = dictionary::Dictionary(host_, clock_).values(action.input.dictionary);
            wxArrayString names;
            for (const auto& v : values) names.Add(text(v.nameIn(i18n::language())));
            wxSingleChoiceDialog pick(this, prompt, title, names);
            if (pick.ShowModal() != wxID_OK || pick.GetSelection() < 0) return false;
            choice = std::to_string(values[static_cast<std::size_t>(pick.GetSelection())].id);
            return true;
        }
    }
    return false;
}

void ListActionsBar::run(const plugin::ListAction& action) {
    auto ids = selection_();
    if (ids.empty()) return;
    std::string choice;
    try {
        if (!ask(action, ids.size(), choice)) return;
        wxBusyCursor busy;
        auto result = action.run(host_, ids, choice);
        wxString summary = text(plugin::describeResult(action, result));
        finished_(summary);
        // Refusals deserve more than the status line: the person reads why, record by record.
        if (!result.refused.empty()) wxMessageBox(summary, ui::tr(action.label), wxOK | wxICON_WARNING, this);
    } catch (const std::exception& e) {
        showError(this, ui::tr(action.label), e);
    }
}

}  // namespace tiller::ui
