#include <tiller/ui/dialog_parts.hpp>
#include <tiller/ui/tr.hpp>

#include <wx/button.h>

namespace tiller::ui {

wxStaticText* problemLine(wxWindow* parent) {
    auto* line = new wxStaticText(parent, wxID_ANY, "");
    line->SetForegroundColour(wxColour(170, 30, 30));
    return line;
}

wxStdDialogButtonSizer* okCancelButtons(wxDialog* dialog, const wxString& okLabel) {
    auto* buttons = new wxStdDialogButtonSizer;
    auto* ok = new wxButton(dialog, wxID_OK, okLabel);
    ok->SetDefault();
    buttons->AddButton(ok);
    buttons->AddButton(new wxButton(dialog, wxID_CANCEL, ui::tr("Cancel")));
    buttons->Realize();
    return buttons;
}

}  // namespace tiller::ui
