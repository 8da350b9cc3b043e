#include <tiller/ui/error_dialog.hpp>
#include <tiller/ui/text.hpp>

#include <tiller/log/log.hpp>

#include <wx/msgdlg.h>

namespace tiller::ui {

void showError(wxWindow* parent, const wxString& what, const std::exception& error) {
    log::error(utf8(what) + ": " + error.what());
    wxMessageBox(text(error.what()), what, wxOK | wxICON_ERROR, parent);
}

}  // namespace tiller::ui
