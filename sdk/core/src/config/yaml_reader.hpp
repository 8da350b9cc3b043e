// Reading a YAML file for a person: every problem becomes a ConfigError with the file, the
// line and the key. Shared by tiller.yaml and plugin.yaml (and later forms and flows).
#pragma once

#include <tiller/errors.hpp>
#include <tiller/i18n/text.hpp>

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <set>
#include <string>

namespace tiller::config {

struct YamlReader {
    std::string file;

    // Parses the whole file; a syntax error names its line.
    YAML::Node load() const;
    // The whole file as text; ConfigError when it cannot be read.
    static std::string readText(const std::filesystem::path& path);
    // Parses `yaml` given as text (`file` names where it came from in messages).
    YAML::Node parse(const std::string& yaml) const;

    [[noreturn]] void fail(const YAML::Node& node, const std::string& key, const std::string& reason) const {
        throw ConfigError(file, node.Mark().is_null() ? 0 : node.Mark().line + 1, key, reason);
    }
    std::string scalar(const YAML::Node& node, const std::string& key) const {
        if (!node.IsScalar()) fail(node, key, "must be a single value, not a list or a map");
        return node.Scalar();
    }
    // `label: Hello` or `label: {en: Hello, zh_CN: 你好}`; plain English is translated by `domain`.
    i18n::Text text(const YAML::Node& node, const std::string& key, const std::string& domain) const;
    bool flag(const YAML::Node& node, const std::string& key) const;        // true / false
    long long integer(const YAML::Node& node, const std::string& key) const;
    // Refuses any key of `map` not in `allowed`, naming it and `what` the map is.
    void onlyKeys(const YAML::Node& map, const std::set<std::string>& allowed, const std::string& what) const;
};

}  // namespace tiller::config
