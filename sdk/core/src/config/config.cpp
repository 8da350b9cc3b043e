#include <tiller/config/config.hpp>

#include <tiller/db/url.hpp>
#include <tiller/errors.hpp>
#include <tiller/paths.hpp>

#include "yaml_reader.hpp"

#include <regex>

namespace tiller::config {
namespace {

constexpr const char* kKnownKeys = "database, language, plugin_dirs, log_level";

}  // namespace

std::filesystem::path defaultFile() { return paths::userConfigDir() / "tiller.yaml"; }

Config loadFile(const std::filesystem::path& path) {
    YamlReader reader{path.string()};
    YAML::Node root = reader.load();
    Config config;
    config.source = path;
    if (root.IsNull()) return config;  // an empty file is an empty configuration
    if (!root.IsMap())
        throw ConfigError(reader.file, root.Mark().line + 1, "",
                          "must be a map of settings (key: value), for example 'language: zh_CN'");

    for (const auto& entry : root) {
        const std::string key = entry.first.Scalar();
        const YAML::Node& value = entry.second;
        if (key == "database") {
            std::string url = reader.scalar(value, key);
            try {
                (void)db::DatabaseUrl::parse(url);
            } catch (const Error& e) {
                reader.fail(value, key, e.what());
            }
            config.database = url;
        } else if (key == "language") {
            std::string lang = reader.scalar(value, key);
            static const std::regex form("[a-z]{2,3}(_[A-Z]{2})?");
            if (!std::regex_match(lang, form))
                reader.fail(value, key, "'" + lang + "' is not a language code such as en or zh_CN");
            config.language = lang;
        } else if (key == "plugin_dirs") {
            if (value.IsScalar()) {
                config.pluginDirs.emplace_back(value.Scalar());
            } else if (value.IsSequence()) {
                for (const auto& item : value)
                    config.pluginDirs.emplace_back(reader.scalar(item, key));
            } else if (!value.IsNull()) {
                reader.fail(value, key, "must be a folder or a list of folders");
            }
        } else if (key == "log_level") {
            std::string text = reader.scalar(value, key);
            auto level = log::parseLevel(text);
            if (!level)
                reader.fail(value, key,
                            "'" + text + "' is not a log level; use debug, info, warning or error");
            config.logLevel = level;
        } else {
            reader.fail(entry.first, key, std::string("is not a setting Tiller knows; known: ") +
                                              kKnownKeys);
        }
    }
    return config;
}

Config loadDefault() {
    auto file = defaultFile();
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return {};
    return loadFile(file);
}

}  // namespace tiller::config
