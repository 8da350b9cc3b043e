// What the GUI does for tests and benchmarks: a PNG of what is on screen, a JSON description
// of menus, navigation, tabs, status bar and open dialogs, and start-up figures.
#pragma once

#include "launch_options.hpp"

#include <wx/frame.h>

namespace tiller::gui {

// Captures, describes, then closes everything and ends the program. Exit status 0, or 3 when
// the view to open did not exist, 4 when the picture could not be written.
void captureForTests(wxFrame& frame, const LaunchOptions& options, bool openFailed);

// Writes options.screenshot (the visible windows) and, when asked, options.describe; true when
// the picture was written.
bool captureWindows(const LaunchOptions& options, wxFrame* frame = nullptr);

// Prints app::startupReport() on stdout.
void reportStartup();

}  // namespace tiller::gui
