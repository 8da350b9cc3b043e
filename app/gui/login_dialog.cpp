#include "login_dialog.hpp"

#include <tiller/errors.hpp>
#include <tiller/ui/dialog_parts.hpp>
#include <tiller/ui/tr.hpp>

#include <wx/sizer.h>

namespace tiller::gui {

LoginDialog::LoginDialog(Runtime& runtime, const std::string& login)
    : wxDialog(nullptr, wxID_ANY, ui::tr("Sign in to Tiller"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE),
      runtime_(runtime) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, ui::text("Tiller 舵手"));
    title->SetFont(title->GetFont().Scaled(1.6f).Bold());
    sizer->Add(title, 0, wxALL, FromDIP(16));
    sizer->Add(new wxStaticText(this, wxID_ANY, ui::text(runtime.settings().database.redacted())), 0,
               wxLEFT | wxRIGHT, FromDIP(16));

    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(10, 10)));
    grid->AddGrowableCol(1);
    grid->Add(new wxStaticText(this, wxID_ANY, ui::tr("Login")), 0, wxALIGN_CENTER_VERTICAL);
    login_ = new wxTextCtrl(this, wxID_ANY, ui::text(login), wxDefaultPosition, FromDIP(wxSize(260, -1)));
    grid->Add(login_, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, ui::tr("Password")), 0, wxALIGN_CENTER_VERTICAL);
    password_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxTE_PASSWORD | wxTE_PROCESS_ENTER);
    grid->Add(password_, 1, wxEXPAND);
    sizer->Add(grid, 0, wxEXPAND | wxALL, FromDIP(16));

    problem_ = ui::problemLine(this);
    sizer->Add(problem_, 0, wxLEFT | wxRIGHT | wxEXPAND, FromDIP(16));

    sizer->Add(ui::okCancelButtons(this, ui::tr("Sign in")), 0, wxEXPAND | wxALL, FromDIP(16));
    SetSizerAndFit(sizer);
    CentreOnScreen();
    (login.empty() ? login_ : password_)->SetFocus();

    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { trySignIn(); }, wxID_OK);
    password_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { trySignIn(); });
}

void LoginDialog::trySignIn() {
    try {
        runtime_.signIn(ui::utf8(login_->GetValue()), ui::utf8(password_->GetValue()));
        EndModal(wxID_OK);
    } catch (const Error& e) {
        problem_->SetLabel(ui::text(e.what()));
        problem_->Wrap(FromDIP(320));
        password_->Clear();
        password_->SetFocus();
        Fit();
    }
}

}  // namespace tiller::gui
