// Asks for the PostgreSQL server's password when the URL has none and the keyring holds none,
// with the offer to remember it in the desktop keyring (never in tiller.yaml).
#pragma once

#include <tiller/db/url.hpp>

#include <wx/checkbox.h>
#include <wx/dialog.h>
#include <wx/textctrl.h>

#include <string>

namespace tiller::gui {

class DatabasePasswordDialog : public wxDialog {
public:
    DatabasePasswordDialog(const db::DatabaseUrl& url, const std::string& problem);
    std::string password() const;
    bool remember() const { return remember_->GetValue(); }

private:
    wxTextCtrl* password_;
    wxCheckBox* remember_;
};

}  // namespace tiller::gui
