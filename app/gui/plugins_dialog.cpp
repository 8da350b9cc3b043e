#include "plugins_dialog.hpp"

#include <tiller/errors.hpp>
#include <tiller/ui/error_dialog.hpp>
#include <tiller/ui/tr.hpp>

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace tiller::gui {

wxString stateLabel(plugin::PluginState state) {
    switch (state) {
        case plugin::PluginState::started: return ui::tr("Running");
        case plugin::PluginState::failed: return ui::tr("Failed");
        case plugin::PluginState::disabled: return ui::tr("Disabled");
        case plugin::PluginState::stopped: return ui::tr("Stopped");
        default: return ui::tr("Not started");
    }
}

PluginsDialog::PluginsDialog(wxWindow* parent, Runtime& runtime)
    : wxDialog(parent, wxID_ANY, ui::tr("Plugins"), wxDefaultPosition, parent->FromDIP(wxSize(900, 460)),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      runtime_(runtime),
      disabled_(plugin::loadDisabledPlugins()) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    struct Column {
        const char* label;
        int width;
    };
    for (const auto& c : {Column{N_("Name"), 150}, Column{N_("Id"), 120}, Column{N_("Version"), 70},
                          Column{N_("Vendor"), 100}, Column{N_("Licence"), 100}, Column{N_("State"), 80},
                          Column{N_("Reason"), 340}})
        list_->AppendColumn(ui::tr(c.label), wxLIST_FORMAT_LEFT, FromDIP(c.width));
    sizer->Add(list_, 1, wxEXPAND | wxALL, FromDIP(10));
    sizer->Add(new wxStaticText(this, wxID_ANY,
                                ui::tr("Enabling or disabling a plugin takes effect the next time Tiller starts.")),
               0, wxLEFT | wxRIGHT, FromDIP(10));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* enable = new wxButton(this, wxID_ANY, ui::tr("Enable"));
    auto* disable = new wxButton(this, wxID_ANY, ui::tr("Disable"));
    buttons->Add(enable, 0, wxRIGHT, FromDIP(6));
    buttons->Add(disable, 0);
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(this, wxID_CANCEL, ui::tr("Close")), 0);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizer(sizer);
    enable->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { toggle(true); });
    disable->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { toggle(false); });
    fill();
}

void PluginsDialog::fill() {
    list_->DeleteAllItems();
    long row = 0;
    for (const auto& p : runtime_.plugins().plugins()) {
        list_->InsertItem(row, ui::tr(p.manifest.name));
        list_->SetItem(row, 1, ui::text(p.manifest.id));
        list_->SetItem(row, 2, ui::text(p.manifest.version.text()));
        list_->SetItem(row, 3, ui::text(p.manifest.vendor));
        list_->SetItem(row, 4, ui::text(p.manifest.license));
        wxString state = stateLabel(p.state);
        bool willChange = disabled_.count(p.manifest.id) != (p.state == plugin::PluginState::disabled &&
                                                             p.reason == "disabled by the user");
        if (willChange)
            state += " → " + (disabled_.count(p.manifest.id) ? ui::tr("Disabled") : ui::tr("Enabled"));
        list_->SetItem(row, 5, state);
        list_->SetItem(row, 6, ui::text(p.reason));
        if (p.state == plugin::PluginState::failed) list_->SetItemTextColour(row, wxColour(170, 30, 30));
        ++row;
    }
}

void PluginsDialog::toggle(bool enable) {
    long selected = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (selected < 0) return;
    const auto& p = runtime_.plugins().plugins().at(static_cast<size_t>(selected));
    if (enable)
        disabled_.erase(p.manifest.id);
    else
        disabled_.insert(p.manifest.id);
    try {
        plugin::saveDisabledPlugins(disabled_);
    } catch (const Error& e) {
        ui::showError(this, ui::tr("The choice could not be saved"), e);
    }
    fill();
    list_->SetItemState(selected, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
}

}  // namespace tiller::gui
