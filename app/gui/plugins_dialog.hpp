// Tools > Plugins: every plugin found, its version, vendor, licence and state, the reason when
// it is not running, and a switch to enable or disable it (from the next start).
#pragma once

#include <tiller/runtime.hpp>

#include <wx/dialog.h>
#include <wx/listctrl.h>

#include <set>

namespace tiller::gui {

class PluginsDialog : public wxDialog {
public:
    PluginsDialog(wxWindow* parent, Runtime& runtime);

private:
    void fill();
    void toggle(bool enable);

    Runtime& runtime_;
    wxListCtrl* list_;
    std::set<std::string> disabled_;
};

// The state as a person reads it, in their language.
wxString stateLabel(plugin::PluginState state);

}  // namespace tiller::gui
