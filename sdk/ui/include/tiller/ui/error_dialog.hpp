// Shows a failure to a person: one sentence from the typed error, logged as well.
#pragma once

#include <wx/window.h>

#include <exception>

namespace tiller::ui {

void showError(wxWindow* parent, const wxString& what, const std::exception& error);

}  // namespace tiller::ui
