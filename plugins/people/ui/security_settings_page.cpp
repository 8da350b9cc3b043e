#include "security_settings_page.hpp"
#include "people_text.hpp"

#include <tiller/identity/access.hpp>

#include <wx/sizer.h>
#include <wx/stattext.h>

namespace people {

SecuritySettingsPage::SecuritySettingsPage(wxWindow* parent, tiller::plugin::Host& host)
    : SettingsPanel(parent), host_(host) {
    tiller::identity::Authenticator auth(host.database(), clock());
    auto* form = new wxFlexGridSizer(2, FromDIP(wxSize(10, 8)));
    attempts_ = new wxSpinCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 1, 100, auth.lockoutAttempts());
    minutes_ = new wxSpinCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 1, 1440, auth.lockoutMinutes());
    form->Add(new wxStaticText(this, wxID_ANY, tr("Lock an account after this many wrong passwords")), 0, wxALIGN_CENTER_VERTICAL);
    form->Add(attempts_);
    form->Add(new wxStaticText(this, wxID_ANY, tr("for this many minutes")), 0, wxALIGN_CENTER_VERTICAL);
    form->Add(minutes_);
    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(form, 0, wxALL, FromDIP(12));
    SetSizer(outer);
}

void SecuritySettingsPage::save() {
    tiller::identity::Authenticator(host_.database(), clock()).setLockout(attempts_->GetValue(), minutes_->GetValue());
}

}  // namespace people
