// Runs the real tiller under Xvfb in its test mode: it opens what it is told, saves a PNG of
// the screen into build/screenshots/ for a reviewer, writes a JSON description of what it
// shows (menus, navigation, tabs, dialogs, status bar) for the assertions, and exits.
#pragma once

#include "cli_runner.hpp"
#include "temp_dir.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace tiller::test {

struct GuiRun {
    int exitCode = -1;
    std::string err;
    nlohmann::json ui;           // empty when the program wrote no description
    std::filesystem::path screenshot;
};

class Gui {
public:
    explicit Gui(const TempDir& home) : home_(home), cli_(home) {}
    // `name` names the screenshot (build/screenshots/<name>.png).
    GuiRun run(const std::string& name, const std::vector<std::string>& args,
               const std::map<std::string, std::string>& environment = {}) const;
    const Cli& cli() const { return cli_; }

private:
    const TempDir& home_;
    Cli cli_;
};

// Whether `wanted` is among described texts: a label or button, a row of a list, a group box's,
// a choice's, a field's or a radio button's text, or on a notebook page.
bool hasText(const nlohmann::json& texts, const std::string& wanted);

// Labels of the items in the top-level menu `menu`.
std::vector<std::string> menuItems(const nlohmann::json& ui, const std::string& menu);

}  // namespace tiller::test
