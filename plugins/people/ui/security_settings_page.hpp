// Settings > Sign-in security: how many wrong passwords lock an account, and for how long.
#pragma once

#include <tiller/plugin/host.hpp>
#include <tiller/ui/ui_registry.hpp>

#include <wx/spinctrl.h>

namespace people {

class SecuritySettingsPage : public tiller::ui::SettingsPanel {
public:
    SecuritySettingsPage(wxWindow* parent, tiller::plugin::Host& host);
    void save() override;

private:
    tiller::plugin::Host& host_;
    wxSpinCtrl* attempts_;
    wxSpinCtrl* minutes_;
};

}  // namespace people
