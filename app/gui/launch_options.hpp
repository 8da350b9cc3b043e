// How the GUI was asked to start (parsed in main.cpp before wxWidgets starts).
#pragma once

#include <tiller/config/settings.hpp>

#include <optional>
#include <string>

namespace tiller::gui {

struct LaunchOptions {
    config::Settings settings;
    bool demo = false;
    std::string user;  // --user: the login to sign in as
    // Test and benchmark modes.
    std::string screenshot;  // write a PNG of the main window once idle, then exit
    std::string open;        // a view or command id to open first
    std::string describe;    // write a JSON description of menus, navigation, tabs, status
    std::string search;      // type this into the global search box
    int selectRows = 0;      // select the first rows of the opened list (its batch actions light up)
    std::string waitFor;     // capture only once a window of this name is shown (up to 60 s): "screen_pop"
    bool exitWhenIdle = false;
    bool reportStartup = false;  // print start-up figures on stdout at the first idle
};

}  // namespace tiller::gui
