// Tools > Settings: one page per settings contribution the person may change.
#pragma once

#include <tiller/runtime.hpp>
#include <tiller/ui/ui_registry.hpp>

#include <wx/dialog.h>

#include <vector>

namespace tiller::gui {

class SettingsDialog : public wxDialog {
public:
    SettingsDialog(wxWindow* parent, Runtime& runtime, ui::UiRegistry& widgets);

private:
    void save();
    std::vector<ui::SettingsPanel*> pages_;
};

}  // namespace tiller::gui
