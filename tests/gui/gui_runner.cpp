#include "gui_runner.hpp"

#include <tiller/util/process.hpp>

#include <fstream>

namespace tiller::test {

GuiRun Gui::run(const std::string& name, const std::vector<std::string>& args,
                const std::map<std::string, std::string>& environment) const {
    std::filesystem::create_directories(TILLER_SCREENSHOTS);
    GuiRun result;
    result.screenshot = std::filesystem::path(TILLER_SCREENSHOTS) / (name + ".png");
    std::filesystem::remove(result.screenshot);
    auto description = home_ / (name + ".json");
    std::vector<std::string> argv{"xvfb-run", "-a", "-s", "-screen 0 1280x800x24", TILLER_GUI_PATH,
                                  "--screenshot", result.screenshot.string(), "--describe",
                                  description.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    std::map<std::string, std::string> env{{"XDG_CONFIG_HOME", (home_ / "config").string()},
                                           {"XDG_DATA_HOME", (home_ / "data").string()},
                                           {"XDG_STATE_HOME", (home_ / "state").string()},
                                           {"TILLER_DB", ""}};
    for (const auto& [k, v] : environment) env[k] = v;
    auto r = util::runProcess(argv, env);
    result.exitCode = r.exitCode;
    result.err = r.err;
    std::ifstream in(description);
    if (in) result.ui = nlohmann::json::parse(in, nullptr, false);
    return result;
}

bool hasText(const nlohmann::json& texts, const std::string& wanted) {
    for (const auto& t : texts) {
        if (t.is_string() && t.get<std::string>() == wanted) return true;
        if (t.is_array() && hasText(t, wanted)) return true;
        if (t.is_object()) {
            for (const char* key : {"group", "choice", "field", "radio", "checkbox", "check"})
                if (t.contains(key) && t[key] == wanted) return true;
            if (t.contains("notebook"))
                for (const auto& page : t["notebook"])
                    if (page.contains("texts") && hasText(page["texts"], wanted)) return true;
        }
    }
    return false;
}

std::vector<std::string> menuItems(const nlohmann::json& ui, const std::string& menu) {
    std::vector<std::string> items;
    for (const auto& m : ui["menus"])
        if (m["label"] == menu)
            for (const auto& item : m["items"]) items.push_back(item["label"]);
    return items;
}

}  // namespace tiller::test
