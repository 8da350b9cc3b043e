#include "tiller_app.hpp"
#include "main_frame.hpp"
#include "approvals_panel.hpp"
#include "message_box_panel.hpp"
#include "database_password_dialog.hpp"
#include "login_dialog.hpp"
#include "email_settings_page.hpp"
#include "shell_commands.hpp"
#include "test_modes.hpp"

#include <tiller/errors.hpp>
#include <tiller/mail/mail.hpp>
#include <tiller/log/log.hpp>
#include <tiller/ui/error_dialog.hpp>
#include <tiller/ui/progress_dialog.hpp>
#include <tiller/ui/tr.hpp>

#include <wx/msgdlg.h>

#include <algorithm>
#include <cstdlib>
#include <thread>

namespace tiller::gui {

bool TillerApp::OnInit() {
    SetAppName("tiller");
    SetAppDisplayName(ui::text("Tiller 舵手"));
    wxInitAllImageHandlers();
    try {
        runtime_ = std::make_unique<Runtime>(options_.settings);
        registerShellCommands(runtime_->registry());
        registerEmailSettings(runtime_->registry(), uiRegistry_, *runtime_);
        registerApprovals(runtime_->registry(), uiRegistry_, *runtime_);
        registerMessageBox(runtime_->registry(), uiRegistry_, *runtime_);
        runtime_->loadPlugins();
        if (!openDatabase()) return false;
        runtime_->host().events().setDispatcher(
            [](std::function<void()> work) { wxTheApp->CallAfter(std::move(work)); });
    } catch (const Error& e) {
        ui::showError(nullptr, ui::tr("Tiller cannot open its database"), e);
        return false;
    }
    if (!signIn()) return false;
    runtime_->startPlugins();
    contributeUi();
    auto* frame = new MainFrame(*runtime_, uiRegistry_, options_);
    runtime_->host().setNotifier([frame](const std::string& message) { frame->notify(message); });
    runtime_->host().events().onHandlerError = [frame](const std::string& id, const std::string& what) {
        frame->notify(id + ": " + what);
    };
    frame->Show();
    if (options_.demo) fillDemoData();
    startMailDelivery();
    return true;
}

bool TillerApp::openDatabase() {
    for (;;) {
        try {
            runtime_->openDatabase();
            return true;
        } catch (const DatabasePasswordNeeded& e) {
            DatabasePasswordDialog dialog(runtime_->settings().database, e.what());
            if (!options_.screenshot.empty() && options_.open == "database-password")
                dialog.CallAfter([&dialog, this] { captureStartDialog(dialog); });
            if (dialog.ShowModal() != wxID_OK) return false;
            try {
                runtime_->useDatabasePassword(dialog.password(), dialog.remember());
            } catch (const Error& keyring) {
                ui::showError(nullptr, ui::tr("The password could not be remembered"), keyring);
                runtime_->useDatabasePassword(dialog.password(), false);
            }
        }
    }
}

bool TillerApp::signIn() {
    try {
        if (!runtime_->signInRequired()) {
            runtime_->signInAlone();
            return true;
        }
        // --user with TILLER_PASSWORD signs in without asking (scripts, tests).
        if (!options_.user.empty()) {
            if (const char* password = std::getenv("TILLER_PASSWORD"); password && *password) {
                runtime_->signIn(options_.user, password);
                return true;
            }
        }
    } catch (const Error& e) {
        ui::showError(nullptr, ui::tr("Signing in failed"), e);
        return false;
    }
    LoginDialog dialog(*runtime_, options_.user);
    if (!options_.screenshot.empty() && options_.open == "login") {
        // Test mode: capture the sign-in screen itself.
        dialog.CallAfter([&dialog, this] { captureStartDialog(dialog); });
    }
    return dialog.ShowModal() == wxID_OK;
}

void TillerApp::captureStartDialog(wxDialog& dialog) {
    dialog.Update();
    wxYield();
    setExitCode(captureWindows(options_) ? 0 : 4);
    dialog.EndModal(wxID_CANCEL);
}

void TillerApp::contributeUi() {
    for (const auto* record : runtime_->plugins().running()) {
        auto* withWidgets = dynamic_cast<ui::UiPlugin*>(record->instance.get());
        if (!withWidgets) continue;
        try {
            withWidgets->contributeUi(uiRegistry_);
        } catch (const std::exception& e) {
            log::error("plugin " + record->manifest.id + " failed to add its widgets: " + e.what());
        }
    }
}

void TillerApp::fillDemoData() {
    auto providers = runtime_->registry().demoDataProviders();
    std::stable_sort(providers.begin(), providers.end(),
                     [](const auto& a, const auto& b) { return a.order < b.order; });
    if (providers.empty()) {
        runtime_->host().notify(i18n::tr("No installed plugin provides demo data yet."));
        return;
    }
    std::string summary;
    for (const auto& p : providers) {
        try {
            ui::ProgressDialog progress(GetTopWindow(), ui::tr("Demo data"), ui::tr(p.label));
            summary += (summary.empty() ? "" : "; ") + i18n::tr(p.label) + ": " +
                       p.fill(runtime_->host(), plugin::DemoOptions{1000, &progress});
        } catch (const jobs::JobCancelled&) {
            runtime_->host().notify(i18n::tr("Demo data cancelled; nothing was added."));
            return;
        } catch (const std::exception& e) {
            ui::showError(nullptr, ui::tr("Demo data could not be added"), e);
        }
    }
    runtime_->host().notify(i18n::tr("Demo data added:") + " " + summary);
}

void TillerApp::startMailDelivery() {
    // Queued email goes out in the background, once a minute, so a slow or absent mail
    // server never holds up the window.
    mailTimer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        if (mailBusy_.exchange(true)) return;
        auto database = runtime_->sharedDatabase();
        std::thread([this, database] {
            try {
                SystemClock clock;
                mail::Queue(*database, clock).deliverDue(mail::loadSettings(*database));
            } catch (const std::exception& e) {
                log::warning(std::string("email delivery: ") + e.what());
            }
            mailBusy_ = false;
        }).detach();
    });
    mailTimer_.Start(60'000);
}

int TillerApp::OnRun() {
    int code = wxApp::OnRun();
    return exitCode_ != 0 ? exitCode_ : code;
}

int TillerApp::OnExit() {
    mailTimer_.Stop();
    while (mailBusy_) wxMilliSleep(20);  // let a delivery in progress finish with the database
    runtime_.reset();  // stops plugins in reverse order
    return wxApp::OnExit();
}

bool TillerApp::OnExceptionInMainLoop() {
    try {
        throw;
    } catch (const std::exception& e) {
        ui::showError(GetTopWindow(), ui::tr("Something went wrong"), e);
    } catch (...) {
        log::error("an unknown exception reached the main loop");
    }
    return true;  // keep running
}

void TillerApp::OnUnhandledException() {
    log::error("an unhandled exception ended Tiller");
}

}  // namespace tiller::gui
