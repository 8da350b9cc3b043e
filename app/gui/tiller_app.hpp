// The wxApp: brings up the Runtime (plugins, database), lets plugins add their widgets, and
// shows the main frame. Plugin failures are shown, never fatal; a database that cannot be
// opened is explained before the program ends.
#pragma once

#include "launch_options.hpp"

#include <tiller/runtime.hpp>
#include <tiller/ui/ui_registry.hpp>

#include <wx/app.h>
#include <wx/dialog.h>
#include <wx/timer.h>

#include <atomic>

#include <memory>
#include <optional>

namespace tiller::gui {

class MainFrame;

class TillerApp : public wxApp {
public:
    explicit TillerApp(LaunchOptions options) : options_(std::move(options)) {}
    bool OnInit() override;
    int OnExit() override;
    int OnRun() override;

    // A plugin's exception escaping a wx event handler: logged and shown, the app goes on.
    bool OnExceptionInMainLoop() override;
    void OnUnhandledException() override;

    void setExitCode(int code) { exitCode_ = code; exitStatus() = code; }
    // The status main() returns when a test mode set one, even if start-up stopped early.
    static std::optional<int>& exitStatus() {
        static std::optional<int> status;
        return status;
    }

private:
    bool openDatabase();  // asks for a server password when needed; false: cancelled
    bool signIn();        // false: nobody signed in, the program ends
    // Test mode: a dialog shown before the main window (sign-in, database password).
    void captureStartDialog(wxDialog& dialog);
    void contributeUi();
    void fillDemoData();
    void startMailDelivery();

    LaunchOptions options_;
    std::unique_ptr<Runtime> runtime_;
    ui::UiRegistry uiRegistry_;
    int exitCode_ = 0;
    wxTimer mailTimer_;
    std::atomic<bool> mailBusy_{false};
};

}  // namespace tiller::gui
