#include "tiller_app.hpp"
#include "main_frame.hpp"

#include <tiller/errors.hpp>
#include <tiller/startup.hpp>
#include <tiller/ui/error_dialog.hpp>
#include <tiller/ui/text.hpp>

namespace tiller::gui {

bool TillerApp::OnInit() {
    SetAppName("tiller");
    SetAppDisplayName(ui::text("Tiller 舵手"));
    try {
        database_ = startup::openAndMigrate(options_.settings.database).database;
    } catch (const Error& e) {
        ui::showError(nullptr, ui::text("Tiller cannot open its database"), e);
        return false;
    }
    auto* frame = new MainFrame(database_);
    frame->Show();
    if (options_.demo)
        frame->SetStatusText(ui::text("No installed plugin provides demo data yet."), 0);
    return true;
}

int TillerApp::OnExit() {
    database_.reset();
    return wxApp::OnExit();
}

}  // namespace tiller::gui
