// The main window's size, position and pane layout, kept between runs in
// $XDG_CONFIG_HOME/tiller/window.ini.
#pragma once

#include <wx/aui/aui.h>
#include <wx/frame.h>

namespace tiller::gui::WindowLayout {
void restore(wxFrame& frame, wxAuiManager& aui);
void save(wxFrame& frame, wxAuiManager& aui);
}  // namespace tiller::gui::WindowLayout
