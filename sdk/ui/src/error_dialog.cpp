#include <tiller/ui/error_dialog.hpp>
#include <tiller/ui/text.hpp>

#include <tiller/log/log.hpp>

#include <wx/msgdlg.h>  // declares wxMessageDialogBase, which the generic dialog needs
#include <wx/generic/msgdlgg.h>

namespace tiller::ui {

void showError(wxWindow* parent, const wxString& what, const std::exception& error) {
    log::error(utf8(what) + ": " + error.what());
    // wx's own dialog rather than GTK's: same look everywhere, and tests can read and close it.
    wxGenericMessageDialog dialog(parent, text(error.what()), what, wxOK | wxICON_ERROR);
    dialog.ShowModal();
}

}  // namespace tiller::ui
