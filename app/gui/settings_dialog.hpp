// Tools > Settings: one page per settings contribution the person may change.
#pragma once

#include <tiller/runtime.hpp>
#include <tiller/ui/ui_registry.hpp>

#include <wx/dialog.h>

#include <vector>

namespace tiller::gui {

class SettingsDialog : public wxDialog {
public:
    // `firstPage`: the id of the page to show first ("" = the first one).
    SettingsDialog(wxWindow* parent, Runtime& runtime, ui::UiRegistry& widgets, const std::string& firstPage = "");

private:
    void save();
    std::vector<ui::SettingsPanel*> pages_;
};

}  // namespace tiller::gui
