#include <tiller/errors.hpp>
#include <tiller/log/log.hpp>
#include <tiller/paths.hpp>
#include <tiller/plugin/plugin_manager.hpp>

#include <yaml-cpp/yaml.h>

#include <fstream>

namespace tiller::plugin {

std::vector<std::filesystem::path> defaultPluginFolders() {
    std::vector<std::filesystem::path> folders;
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        auto bin = exe.parent_path();
        for (auto candidate : {bin.parent_path() / "plugins",                     // build tree
                               bin.parent_path() / "lib" / "tiller" / "plugins"}) {  // installed
            if (std::filesystem::is_directory(candidate, ec)) folders.push_back(candidate);
        }
    }
    folders.push_back(paths::userDataDir() / "plugins");
    return folders;
}

namespace {
std::filesystem::path choicesFile() { return paths::userConfigDir() / "plugins.yaml"; }
}  // namespace

std::set<std::string> loadDisabledPlugins() {
    std::set<std::string> disabled;
    auto file = choicesFile();
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return disabled;
    try {
        auto root = YAML::LoadFile(file.string());
        if (root["disabled"] && root["disabled"].IsSequence())
            for (const auto& id : root["disabled"]) disabled.insert(id.as<std::string>());
    } catch (const YAML::Exception& e) {
        // A broken choices file must not stop the program: every plugin is then enabled.
        log::warning(file.string() + " is unreadable (" + e.msg + "); all plugins enabled");
    }
    return disabled;
}

void saveDisabledPlugins(const std::set<std::string>& disabled) {
    auto file = choicesFile();
    std::filesystem::create_directories(file.parent_path());
    YAML::Emitter out;
    out << YAML::Comment("Plugins switched off in Tiller's Plugins dialog");
    out << YAML::BeginMap << YAML::Key << "disabled" << YAML::Value << YAML::BeginSeq;
    for (const auto& id : disabled) out << id;
    out << YAML::EndSeq << YAML::EndMap;
    auto temporary = file;
    temporary += ".partial";
    {
        std::ofstream f(temporary);
        f << out.c_str() << '\n';
        if (!f) throw Error("cannot write " + file.string());
    }
    std::filesystem::rename(temporary, file);
}

}  // namespace tiller::plugin
