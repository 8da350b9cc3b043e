// Settings > Email: the mail server, and a button that sends a test message at once.
#pragma once

#include <tiller/mail/mail.hpp>
#include <tiller/runtime.hpp>
#include <tiller/ui/ui_registry.hpp>

#include <wx/choice.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace tiller::gui {

class EmailSettingsPage : public ui::SettingsPanel {
public:
    EmailSettingsPage(wxWindow* parent, Runtime& runtime);
    void save() override;

private:
    mail::SmtpSettings entered() const;
    void sendTest();

    Runtime& runtime_;
    wxTextCtrl *host_, *user_, *password_, *from_, *testTo_;
    wxSpinCtrl* port_;
    wxChoice* security_;
    wxStaticText* result_;
};

// Registers the page with the shell's own contributions.
void registerEmailSettings(plugin::Registry& registry, ui::UiRegistry& widgets, Runtime& runtime);

}  // namespace tiller::gui
