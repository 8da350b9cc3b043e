// The main window: menus, toolbar, navigation pane, tabbed centre and status bar, all built
// from the Registry's contributions. It knows no plugin by name.
#pragma once

#include "global_search.hpp"
#include "launch_options.hpp"
#include "reminder_alarm.hpp"
#include "scheduled_work.hpp"

#include <tiller/runtime.hpp>
#include <tiller/ui/record_navigator.hpp>
#include <tiller/ui/ui_registry.hpp>

#include <wx/aui/aui.h>
#include <wx/frame.h>
#include <wx/timer.h>
#include <wx/treectrl.h>

#include <map>
#include <memory>
#include <string>

namespace tiller::gui {

class MainFrame : public wxFrame, public ui::RecordNavigator, public ui::StatusShelf {
public:
    MainFrame(Runtime& runtime, ui::UiRegistry& widgets, const LaunchOptions& options);
    ~MainFrame() override;

    // Everything a command may ask of the shell.
    void notify(const std::string& message);
    void openView(const std::string& viewId);
    void runCommand(const std::string& commandId);
    void showHome();
    void refreshCurrent();
    bool openForTests(const std::string& what);
    void selectRowsForTests(int rows);
    // ui::RecordNavigator: a plugin's record screen in a tab of its own, else RecordDialog.
    bool openRecord(wxWindow* from, const std::string& entity, long long id, const std::string& formId = "") override;
    long long createRecord(wxWindow* from, const std::string& entity, const std::string& formId = "",
                           const record::Input& prefill = {}) override;
    void closeCurrentTab();
    void toggleNavigation();
    void showPlugins();
    void showSettings(const std::string& page = "");  // `page`: the settings page to show first
    void showAbout();
    void backUp();
    void focusSearch();  // the global search box (Ctrl+K)
    // ui::StatusShelf: plugins' lasting state (the phone's registration) in the status bar.
    void showStatus(const std::string& key, const wxString& text) override;

private:
    void buildMenus();
    void buildToolbar();
    void buildNavigation();
    void buildBars();
    void buildStatusBar();
    void restoreLayout();
    void saveLayout();
    void onClose(wxCloseEvent& event);
    void onFirstIdle(wxIdleEvent& event);
    wxWindow* makeView(const plugin::NavigationView& view);

    Runtime& runtime_;
    ui::UiRegistry& widgets_;
    LaunchOptions options_;
    wxAuiManager aui_;
    wxTreeCtrl* navigation_ = nullptr;
    wxAuiNotebook* tabs_ = nullptr;
    std::map<int, std::string> commandIds_;             // menu/tool id -> command id
    std::map<wxTreeItemId, std::string> navigationIds_;  // tree item -> view id
    std::map<std::string, wxWindow*> openViews_;        // view id -> page
    wxWindow* home_ = nullptr;
    bool idleSeen_ = false;
    bool openFailed_ = false;
    wxTimer settle_;  // test modes: let the window finish painting before capturing
    GlobalSearchBox* search_ = nullptr;  // on the toolbar
    int searchWaits_ = 0;
    int windowWaits_ = 0;  // test modes: settle periods spent waiting for --wait-for's window  // test modes: settle periods spent waiting for the search's answer
    std::unique_ptr<ReminderAlarm> alarm_;  // due reminders, unread count in the status bar
    std::unique_ptr<ScheduledWork> work_;   // the plugins' scheduled jobs (recall to the pool)
    std::map<std::string, wxString> shelf_;  // showStatus(): key -> text, in the plugins' field
};

}  // namespace tiller::gui
