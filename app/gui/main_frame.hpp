// The main window: menus, toolbar, navigation pane, tabbed centre and status bar, all built
// from the Registry's contributions. It knows no plugin by name.
#pragma once

#include "launch_options.hpp"
#include "reminder_alarm.hpp"

#include <tiller/runtime.hpp>
#include <tiller/ui/ui_registry.hpp>

#include <wx/aui/aui.h>
#include <wx/frame.h>
#include <wx/timer.h>
#include <wx/treectrl.h>

#include <map>
#include <memory>
#include <string>

namespace tiller::gui {

class MainFrame : public wxFrame {
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
    void closeCurrentTab();
    void toggleNavigation();
    void showPlugins();
    void showSettings();
    void showAbout();
    void backUp();

private:
    void buildMenus();
    void buildToolbar();
    void buildNavigation();
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
    std::unique_ptr<ReminderAlarm> alarm_;  // due reminders, unread count in the status bar
};

}  // namespace tiller::gui
