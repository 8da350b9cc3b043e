#include "profile_dialog.hpp"
#include "people_text.hpp"

#include <tiller/errors.hpp>
#include <tiller/ui/error_dialog.hpp>
#include <tiller/ui/text.hpp>

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace people {

using tiller::identity::UserDirectory;
using tiller::ui::text;
using tiller::ui::utf8;

ProfileDialog::ProfileDialog(wxWindow* parent, tiller::plugin::Host& host)
    : wxDialog(parent, wxID_ANY, tr("My profile")), host_(host) {
    auto me = UserDirectory(host.database(), clock(), {}).find(host.actingUser().value_or(0));
    if (!me) throw tiller::NotFound("nobody is signed in");
    userId_ = me->id;
    version_ = me->version;
    login_ = me->login;

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* form = new wxFlexGridSizer(2, FromDIP(wxSize(10, 8)));
    form->AddGrowableCol(1);
    auto field = [&](const char* label, const std::string& value, long style = 0) {
        auto* control = new wxTextCtrl(this, wxID_ANY, text(value), wxDefaultPosition, FromDIP(wxSize(260, -1)), style);
        form->Add(new wxStaticText(this, wxID_ANY, tr(label)), 0, wxALIGN_CENTER_VERTICAL);
        form->Add(control, 1, wxEXPAND);
        return control;
    };
    form->Add(new wxStaticText(this, wxID_ANY, tr("Login")), 0, wxALIGN_CENTER_VERTICAL);
    form->Add(new wxStaticText(this, wxID_ANY, text(me->login)));
    name_ = field(N_("Name"), me->name);
    phone_ = field(N_("Phone"), me->phone);
    mobile_ = field(N_("Mobile"), me->mobile);
    email_ = field(N_("Email"), me->email);
    current_ = field(N_("Current password"), "", wxTE_PASSWORD);
    next_ = field(N_("New password"), "", wxTE_PASSWORD);
    repeat_ = field(N_("Repeat the new password"), "", wxTE_PASSWORD);
    sizer->Add(form, 0, wxEXPAND | wxALL, FromDIP(16));
    sizer->Add(new wxStaticText(this, wxID_ANY, tr("Leave the password fields empty to keep your password.")), 0,
               wxLEFT | wxRIGHT, FromDIP(16));
    auto* buttons = new wxStdDialogButtonSizer;
    buttons->AddButton(new wxButton(this, wxID_OK, tr("Save")));
    buttons->AddButton(new wxButton(this, wxID_CANCEL, tr("Cancel")));
    buttons->Realize();
    sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(16));
    SetSizerAndFit(sizer);
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); }, wxID_OK);
}

void ProfileDialog::save() {
    UserDirectory directory(host_.database(), clock(), actor(host_));
    try {
        if (next_->GetValue() != repeat_->GetValue())
            throw tiller::ValidationError(utf8(tr("New password")), utf8(tr("the two new passwords differ")));
        directory.updateProfile(userId_, version_, utf8(name_->GetValue()), utf8(phone_->GetValue()),
                                utf8(mobile_->GetValue()), utf8(email_->GetValue()));
        if (!next_->GetValue().empty())
            directory.changeOwnPassword(login_, utf8(current_->GetValue()), utf8(next_->GetValue()));
        EndModal(wxID_OK);
    } catch (const tiller::Error& e) {
        tiller::ui::showError(this, tr("Your profile could not be saved"), e);
    }
}

}  // namespace people
