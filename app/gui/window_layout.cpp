#include "window_layout.hpp"

#include <tiller/paths.hpp>

#include <wx/display.h>
#include <wx/fileconf.h>

#include <filesystem>
#include <memory>

namespace tiller::gui::WindowLayout {
namespace {
std::unique_ptr<wxFileConfig> open() {
    auto file = paths::userConfigDir() / "window.ini";
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    return std::make_unique<wxFileConfig>("tiller", "", wxString::FromUTF8(file.string()), "",
                                          wxCONFIG_USE_LOCAL_FILE);
}
}  // namespace

void restore(wxFrame& frame, wxAuiManager& aui) {
    auto config = open();
    long x, y, w, h;
    if (config->Read("window/x", &x) && config->Read("window/y", &y) && config->Read("window/w", &w) &&
        config->Read("window/h", &h)) {
        wxRect wanted(static_cast<int>(x), static_cast<int>(y), static_cast<int>(w), static_cast<int>(h));
        // Only where a screen still shows it (a second monitor may be gone).
        if (wxDisplay::GetFromPoint(wanted.GetTopLeft()) != wxNOT_FOUND && w > 200 && h > 150)
            frame.SetSize(wanted);
    }
    bool maximized = false;
    if (config->Read("window/maximized", &maximized) && maximized) frame.Maximize();
    wxString perspective;
    if (config->Read("window/panes", &perspective) && !perspective.empty()) aui.LoadPerspective(perspective, false);
}

void save(wxFrame& frame, wxAuiManager& aui) {
    auto config = open();
    config->Write("window/maximized", frame.IsMaximized());
    if (!frame.IsMaximized() && !frame.IsIconized()) {
        wxRect r = frame.GetRect();
        config->Write("window/x", r.x);
        config->Write("window/y", r.y);
        config->Write("window/w", r.width);
        config->Write("window/h", r.height);
    }
    config->Write("window/panes", aui.SavePerspective());
    config->Flush();
}

}  // namespace tiller::gui::WindowLayout
