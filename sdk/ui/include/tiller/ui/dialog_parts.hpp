// Pieces every small dialog of the shell has: a red line for what is wrong with the input, and
// the OK button (with its own label, the default) beside Cancel.
#pragma once

#include <wx/dialog.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace tiller::ui {

// Empty until a problem is shown in it.
wxStaticText* problemLine(wxWindow* parent);
// wxID_OK labelled `okLabel` and wxID_CANCEL, laid out the platform's way.
wxStdDialogButtonSizer* okCancelButtons(wxDialog* dialog, const wxString& okLabel);

}  // namespace tiller::ui
