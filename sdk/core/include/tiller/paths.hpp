// Where Tiller keeps its files for the current user (XDG base directories).
#pragma once

#include <filesystem>

namespace tiller::paths {

std::filesystem::path userDataDir();    // $XDG_DATA_HOME/tiller   or ~/.local/share/tiller
std::filesystem::path userConfigDir();  // $XDG_CONFIG_HOME/tiller or ~/.config/tiller
std::filesystem::path userStateDir();   // $XDG_STATE_HOME/tiller  or ~/.local/state/tiller
std::filesystem::path defaultDatabaseFile();  // userDataDir() / "tiller.db"

}  // namespace tiller::paths
