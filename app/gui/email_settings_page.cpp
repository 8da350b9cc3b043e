#include "email_settings_page.hpp"

#include <tiller/errors.hpp>
#include <tiller/mail/mail.hpp>
#include <tiller/ui/tr.hpp>

#include <wx/button.h>
#include <wx/sizer.h>

namespace tiller::gui {

EmailSettingsPage::EmailSettingsPage(wxWindow* parent, Runtime& runtime) : SettingsPanel(parent), runtime_(runtime) {
    auto current = mail::loadSettings(runtime.database());
    auto* form = new wxFlexGridSizer(2, FromDIP(wxSize(10, 8)));
    form->AddGrowableCol(1);
    auto text = [&](const char* label, const std::string& value, long style = 0) {
        auto* field = new wxTextCtrl(this, wxID_ANY, ui::text(value), wxDefaultPosition, wxDefaultSize, style);
        form->Add(new wxStaticText(this, wxID_ANY, ui::tr(label)), 0, wxALIGN_CENTER_VERTICAL);
        form->Add(field, 1, wxEXPAND);
        return field;
    };
    host_ = text(N_("Mail server"), current.host);
    port_ = new wxSpinCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 1, 65535, current.port);
    form->Add(new wxStaticText(this, wxID_ANY, ui::tr("Port")), 0, wxALIGN_CENTER_VERTICAL);
    form->Add(port_);
    security_ = new wxChoice(this, wxID_ANY);
    security_->Append(ui::tr("None"));
    security_->Append(ui::tr("STARTTLS"));
    security_->Append(ui::tr("TLS"));
    security_->SetSelection(static_cast<int>(current.security));
    form->Add(new wxStaticText(this, wxID_ANY, ui::tr("Security")), 0, wxALIGN_CENTER_VERTICAL);
    form->Add(security_);
    user_ = text(N_("Account"), current.user);
    password_ = text(N_("Password"), current.password, wxTE_PASSWORD);
    from_ = text(N_("Sender address"), current.from);
    testTo_ = text(N_("Send a test message to"), "");
    auto* test = new wxButton(this, wxID_ANY, ui::tr("Send a test message"));
    result_ = new wxStaticText(this, wxID_ANY, "");
    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(form, 0, wxEXPAND | wxALL, FromDIP(12));
    outer->Add(test, 0, wxLEFT, FromDIP(12));
    outer->Add(result_, 0, wxALL | wxEXPAND, FromDIP(12));
    SetSizer(outer);
    test->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { sendTest(); });
}

mail::SmtpSettings EmailSettingsPage::entered() const {
    mail::SmtpSettings s;
    s.host = ui::utf8(host_->GetValue());
    s.port = port_->GetValue();
    s.security = static_cast<mail::Security>(security_->GetSelection());
    s.user = ui::utf8(user_->GetValue());
    s.password = ui::utf8(password_->GetValue());
    s.from = ui::utf8(from_->GetValue());
    return s;
}

void EmailSettingsPage::sendTest() {
    try {
        mail::send(entered(), {{ui::utf8(testTo_->GetValue())}, i18n::tr("Tiller: test message"),
                               i18n::tr("This message from Tiller shows that email works.") + "\n"},
                   runtime_.clock().nowMs());
        result_->SetForegroundColour(wxColour(20, 110, 40));
        result_->SetLabel(ui::tr("The test message was sent."));
    } catch (const Error& e) {
        result_->SetForegroundColour(wxColour(170, 30, 30));
        result_->SetLabel(ui::text(e.what()));
    }
    result_->Wrap(FromDIP(420));
    Layout();
}

void EmailSettingsPage::save() {
    auto s = entered();
    if (s.host.empty() && s.from.empty()) return;  // email is not used here
    mail::saveSettings(runtime_.database(), s);
}

void registerEmailSettings(plugin::Registry& registry, ui::UiRegistry& widgets, Runtime& runtime) {
    registry.setOwner("shell");
    plugin::SettingsPage page;
    page.id = "shell.email";
    page.label = N_("Email");
    page.order = 50;
    page.permission = "core.settings";
    registry.add(page);
    widgets.addSettingsPage("shell.email", [&runtime](wxWindow* parent, plugin::Host&) {
        return new EmailSettingsPage(parent, runtime);
    });
}

}  // namespace tiller::gui
