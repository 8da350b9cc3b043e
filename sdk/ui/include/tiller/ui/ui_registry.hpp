// The widget half of plugin contributions. Core declarations (tiller/plugin/contributions.hpp)
// say *that* a custom view, record tab or settings page exists; a plugin's ui/ code registers
// here *how* to build its widgets. The shell asks for them by the same ids.
#pragma once

#include <tiller/plugin/host.hpp>
#include <tiller/record/store.hpp>

#include <wx/panel.h>
#include <wx/window.h>

#include <functional>
#include <map>
#include <string>

namespace tiller::ui {

// A settings page the shell puts in its Settings dialog; save() runs when the person presses OK.
class SettingsPanel : public wxPanel {
public:
    using wxPanel::wxPanel;
    virtual void save() {}
};

using ViewFactory = std::function<wxWindow*(wxWindow* parent, plugin::Host& host)>;
using RecordPanelFactory =
    std::function<wxWindow*(wxWindow* parent, plugin::Host& host, long long recordId)>;
using SettingsFactory = std::function<SettingsPanel*(wxWindow* parent, plugin::Host& host)>;
// A record of an entity shown in its plugin's own screen instead of the generic RecordDialog
// (the customer 360° view): the shell puts the window it returns in a tab of its own, wherever
// the record is opened from (a list, a search hit, --open record:ENTITY:ID).
using RecordOpener = std::function<wxWindow*(wxWindow* parent, plugin::Host& host, long long recordId)>;
// A new record of an entity made in its plugin's own dialog (a customer with its first
// contact): returns the new record's id, 0 when the person cancelled. `prefill` are values to
// start with (the caller's number when a screen pop asks for a new customer).
using RecordCreator = std::function<long long(wxWindow* parent, plugin::Host& host, const record::Input& prefill)>;
// A strip across the top of the main window, under the toolbar, always in view (the dialer's
// phone bar). The person may hide it from View like the other panes.
using BarFactory = std::function<wxWindow*(wxWindow* parent, plugin::Host& host)>;

class UiRegistry {
public:
    void addView(const std::string& viewId, ViewFactory factory);
    void addRecordPanel(const std::string& panelId, RecordPanelFactory factory);
    void addSettingsPage(const std::string& pageId, SettingsFactory factory);
    // One of each per entity id ("contacts.customer"); a later one replaces an earlier one.
    void addRecordOpener(const std::string& entity, RecordOpener opener);
    void addRecordCreator(const std::string& entity, RecordCreator creator);
    void addBar(const std::string& barId, BarFactory factory);

    const ViewFactory* view(const std::string& id) const;
    const RecordPanelFactory* recordPanel(const std::string& id) const;
    const SettingsFactory* settingsPage(const std::string& id) const;
    const RecordOpener* recordOpener(const std::string& entity) const;
    const RecordCreator* recordCreator(const std::string& entity) const;
    const std::map<std::string, BarFactory>& bars() const { return bars_; }

private:
    std::map<std::string, ViewFactory> views_;
    std::map<std::string, RecordPanelFactory> recordPanels_;
    std::map<std::string, SettingsFactory> settingsPages_;
    std::map<std::string, RecordOpener> recordOpeners_;
    std::map<std::string, RecordCreator> recordCreators_;
    std::map<std::string, BarFactory> bars_;
};

// A plugin with widgets implements this beside tiller::plugin::Plugin. The shell calls
// contributeUi() once the plugin has started.
class UiPlugin {
public:
    virtual ~UiPlugin() = default;
    virtual void contributeUi(UiRegistry& registry) = 0;
};

// The top-level window, as parent for a plugin's dialogs.
wxWindow* mainWindow();

// A lasting piece of state in the main window's status bar ("Phone 8001: registered"), kept
// under `key` until replaced; "" removes it. Does nothing where there is no main window.
class StatusShelf {
public:
    virtual ~StatusShelf() = default;
    virtual void showStatus(const std::string& key, const wxString& text) = 0;
};
void showStatus(const std::string& key, const wxString& text);

}  // namespace tiller::ui
