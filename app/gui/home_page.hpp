// The Home tab: what is open (database), what is running (plugins, with any that are not), and
// where to start (the navigation entries), in the person's language.
#pragma once

#include <tiller/runtime.hpp>

#include <wx/scrolwin.h>

namespace tiller::gui {

class HomePage : public wxScrolledWindow {
public:
    HomePage(wxWindow* parent, Runtime& runtime);
};

}  // namespace tiller::gui
