#include "settings_dialog.hpp"

#include <tiller/errors.hpp>
#include <tiller/ui/error_dialog.hpp>
#include <tiller/ui/tr.hpp>

#include <wx/button.h>
#include <wx/listbook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

namespace tiller::gui {

SettingsDialog::SettingsDialog(wxWindow* parent, Runtime& runtime, ui::UiRegistry& widgets, const std::string& firstPage)
    : wxDialog(parent, wxID_ANY, ui::tr("Settings"), wxDefaultPosition, parent->FromDIP(wxSize(720, 560)),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* book = new wxListbook(this, wxID_ANY);
    auto contributions = runtime.registry().settingsPages();
    std::stable_sort(contributions.begin(), contributions.end(),
                     [](const auto& a, const auto& b) { return a.order < b.order; });
    for (const auto& page : contributions) {
        if (!runtime.host().allows(page.permission)) continue;
        const auto* factory = widgets.settingsPage(page.id);
        if (!factory) continue;
        try {
            auto* panel = (*factory)(book, runtime.host());
            pages_.push_back(panel);
            book->AddPage(panel, ui::tr(page.label), page.id == firstPage);
        } catch (const std::exception& e) {
            auto* broken = new wxStaticText(book, wxID_ANY, ui::text(e.what()));
            book->AddPage(broken, ui::tr(page.label));
        }
    }
    if (pages_.empty())
        sizer->Add(new wxStaticText(this, wxID_ANY, ui::tr("No installed plugin has settings yet.")), 0,
                   wxALL, FromDIP(16));
    sizer->Add(book, 1, wxEXPAND | wxALL, FromDIP(10));
    auto* buttons = new wxStdDialogButtonSizer;
    buttons->AddButton(new wxButton(this, wxID_OK, ui::tr("OK")));
    buttons->AddButton(new wxButton(this, wxID_CANCEL, ui::tr("Cancel")));
    buttons->Realize();
    sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizer(sizer);
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); }, wxID_OK);
}

void SettingsDialog::save() {
    try {
        for (auto* page : pages_) page->save();
        EndModal(wxID_OK);
    } catch (const std::exception& e) {
        // Keep the dialog open with what the person typed.
        ui::showError(this, ui::tr("The settings could not be saved"), e);
    }
}

}  // namespace tiller::gui
