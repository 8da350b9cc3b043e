#include "shell_commands.hpp"
#include "main_frame.hpp"

#include <tiller/i18n/catalogs.hpp>

#include <wx/app.h>

namespace tiller::gui {
namespace {

MainFrame& frame() {
    auto* f = dynamic_cast<MainFrame*>(wxTheApp->GetTopWindow());
    if (!f) throw std::runtime_error("the main window is not open");
    return *f;
}

void add(plugin::Registry& registry, const std::string& id, const char* label, const std::string& menu,
         const std::string& accelerator, const std::string& icon, bool toolbar, int order,
         const std::string& permission, std::function<void(MainFrame&)> action) {
    plugin::Command c;
    c.id = id;
    c.label = label;
    c.menu = menu;
    c.accelerator = accelerator;
    c.icon = icon;
    c.toolbar = toolbar;
    c.order = order;
    c.permission = permission;
    c.run = [action = std::move(action)](plugin::Host&) { action(frame()); };
    registry.add(c);
}

}  // namespace

void registerShellCommands(plugin::Registry& registry) {
    registry.setOwner("shell");  // permissions are core's (Runtime), shared with tiller-cli

    add(registry, "shell.home", N_("Home"), "View", "Alt+Home", "home", true, 10, "",
        [](MainFrame& f) { f.showHome(); });
    add(registry, "shell.backup", N_("Back up the database..."), "File", "Ctrl+Shift+B", "save",
        false, 50, "core.backup", [](MainFrame& f) { f.backUp(); });
    add(registry, "shell.quit", N_("Quit"), "File", "Ctrl+Q", "quit", false, 1000, "",
        [](MainFrame& f) { f.Close(); });
    add(registry, "shell.search", N_("Search everywhere"), "View", "Ctrl+K", "find", false, 5, "",
        [](MainFrame& f) { f.focusSearch(); });
    add(registry, "shell.refresh", N_("Refresh"), "View", "F5", "refresh", true, 20, "",
        [](MainFrame& f) { f.refreshCurrent(); });
    add(registry, "shell.close_tab", N_("Close tab"), "View", "Ctrl+W", "", false, 30, "",
        [](MainFrame& f) { f.closeCurrentTab(); });
    add(registry, "shell.navigation", N_("Navigation pane"), "View", "F9", "", false, 40, "",
        [](MainFrame& f) { f.toggleNavigation(); });
    add(registry, "shell.plugins", N_("Plugins..."), "Tools", "", "", false, 900, "core.plugins",
        [](MainFrame& f) { f.showPlugins(); });
    add(registry, "shell.settings", N_("Settings..."), "Tools", "Ctrl+,", "settings", false, 910,
        "core.settings", [](MainFrame& f) { f.showSettings(); });
    add(registry, "shell.about", N_("About Tiller"), "Help", "F1", "info", false, 100, "",
        [](MainFrame& f) { f.showAbout(); });
}

}  // namespace tiller::gui
