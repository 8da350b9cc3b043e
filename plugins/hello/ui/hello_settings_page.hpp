// Settings > Hello: the salutation used when greeting.
#pragma once

#include <tiller/plugin/host.hpp>
#include <tiller/ui/ui_registry.hpp>

#include <wx/textctrl.h>

namespace hello {

class SettingsPage : public tiller::ui::SettingsPanel {
public:
    SettingsPage(wxWindow* parent, tiller::plugin::Host& host);
    void save() override;

private:
    tiller::plugin::Host& host_;
    wxTextCtrl* salutation_;
};

}  // namespace hello
