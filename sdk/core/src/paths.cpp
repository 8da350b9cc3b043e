#include <tiller/paths.hpp>

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

namespace tiller::paths {
namespace {

std::filesystem::path home() {
    if (const char* h = std::getenv("HOME"); h && *h) return h;
    if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_dir) return pw->pw_dir;
    return std::filesystem::temp_directory_path();
}

// XDG says: use the variable when it holds an absolute path, else the fallback under $HOME.
std::filesystem::path xdg(const char* variable, const char* fallback) {
    if (const char* v = std::getenv(variable); v && *v == '/') return std::filesystem::path(v) / "tiller";
    return home() / fallback / "tiller";
}

}  // namespace

std::filesystem::path userDataDir() { return xdg("XDG_DATA_HOME", ".local/share"); }
std::filesystem::path userConfigDir() { return xdg("XDG_CONFIG_HOME", ".config"); }
std::filesystem::path userStateDir() { return xdg("XDG_STATE_HOME", ".local/state"); }
std::filesystem::path defaultDatabaseFile() { return userDataDir() / "tiller.db"; }

}  // namespace tiller::paths
