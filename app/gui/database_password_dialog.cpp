#include "database_password_dialog.hpp"

#include <tiller/ui/dialog_parts.hpp>
#include <tiller/ui/tr.hpp>

#include <wx/sizer.h>
#include <wx/stattext.h>

namespace tiller::gui {

DatabasePasswordDialog::DatabasePasswordDialog(const db::DatabaseUrl& url, const std::string& problem)
    : wxDialog(nullptr, wxID_ANY, ui::tr("Database password")) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(this, wxID_ANY, ui::tr("The company database asks for a password:") + "\n" +
                                                       ui::text(url.redacted()));
    sizer->Add(intro, 0, wxALL, FromDIP(16));
    auto* why = new wxStaticText(this, wxID_ANY, ui::text(problem));
    why->SetForegroundColour(wxColour(120, 120, 120));
    why->Wrap(FromDIP(420));
    sizer->Add(why, 0, wxLEFT | wxRIGHT, FromDIP(16));
    password_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, FromDIP(wxSize(320, -1)), wxTE_PASSWORD);
    sizer->Add(password_, 0, wxEXPAND | wxALL, FromDIP(16));
    remember_ = new wxCheckBox(this, wxID_ANY, ui::tr("Remember the password in the desktop keyring"));
    sizer->Add(remember_, 0, wxLEFT | wxRIGHT, FromDIP(16));
    sizer->Add(ui::okCancelButtons(this, ui::tr("Connect")), 0, wxEXPAND | wxALL, FromDIP(16));
    SetSizerAndFit(sizer);
    CentreOnScreen();
    password_->SetFocus();
}

std::string DatabasePasswordDialog::password() const { return ui::utf8(password_->GetValue()); }

}  // namespace tiller::gui
