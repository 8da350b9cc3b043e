// tiller: the desktop application. Reads its options before wxWidgets starts so that --help
// and a missing display get a plain answer on the terminal.
#include "launch_options.hpp"
#include "program_options.hpp"
#include "tiller_app.hpp"

#include <tiller/errors.hpp>

#include <cstdlib>
#include <iostream>

int main(int argc, char** argv) {
    tiller::app::ProgramOptions options;
    tiller::gui::LaunchOptions launch;
    CLI::App cli{"Tiller (舵手): customer management for small businesses", "tiller"};
    options.addTo(cli);
    cli.add_flag("--demo", launch.demo, "Fill the database with sample data from the plugins");
    cli.add_option("--screenshot", launch.screenshot,
                   "Write a PNG of the main window once it is idle, then exit (for tests)")
        ->type_name("FILE");
    cli.add_option("--open", launch.open, "Open this view (or run this command) after start")
        ->type_name("ID");
    cli.add_option("--describe", launch.describe,
                   "With --screenshot: also write the menus, navigation and tabs as JSON")
        ->type_name("FILE");
    cli.add_option("--wait-for", launch.waitFor, "Take the screenshot once a window of this name shows (for tests)");
    cli.add_option("--search", launch.search, "Type this into the global search box after start (for tests)")
        ->type_name("TEXT");
    cli.add_option("--select-rows", launch.selectRows, "Select the first N rows of the opened list (for tests)")
        ->type_name("N");
    cli.add_flag("--exit-when-idle", launch.exitWhenIdle, "Quit as soon as the window is idle");
    cli.add_flag("--report-startup", launch.reportStartup,
                 "Print start-up time and memory at the first idle moment");
    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return cli.exit(e);
        std::cerr << "tiller: " << e.what() << " (see 'tiller --help')\n";
        return 2;
    }
    const char* x11 = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((!x11 || !*x11) && (!wayland || !*wayland)) {
        std::cerr << "tiller: no graphical display (DISPLAY is not set); start Tiller from a "
                     "desktop session or under xvfb-run, or use tiller-cli\n";
        return 1;
    }
    try {
        launch.settings = options.resolveAndStartLogging(tiller::log::Level::warning);
        launch.user = options.user();
    } catch (const tiller::Error& e) {
        std::cerr << "tiller: " << e.what() << '\n';
        return 1;
    }
    wxApp::SetInstance(new tiller::gui::TillerApp(std::move(launch)));
    int wxArgc = 1;  // our options are already parsed; wx must not see them
    int status = wxEntry(wxArgc, argv);
    return tiller::gui::TillerApp::exitStatus().value_or(status < 0 ? 1 : status);
}
