// tiller: the desktop application. Reads its options before wxWidgets starts so that --help
// and a missing display get a plain answer on the terminal.
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
    } catch (const tiller::Error& e) {
        std::cerr << "tiller: " << e.what() << '\n';
        return 1;
    }
    wxApp::SetInstance(new tiller::gui::TillerApp(launch));
    int wxArgc = 1;  // our options are already parsed; wx must not see them
    return wxEntry(wxArgc, argv);
}
