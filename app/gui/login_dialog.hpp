// Sign-in (SPEC §1.7): shown at start when the database has more than one user. Keeps asking
// until the person signs in or cancels; each refusal is explained in the dialog itself.
#pragma once

#include <tiller/runtime.hpp>

#include <wx/dialog.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace tiller::gui {

class LoginDialog : public wxDialog {
public:
    LoginDialog(Runtime& runtime, const std::string& login);

private:
    void trySignIn();

    Runtime& runtime_;
    wxTextCtrl* login_;
    wxTextCtrl* password_;
    wxStaticText* problem_;
};

}  // namespace tiller::gui
