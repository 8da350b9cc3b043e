// Reading a YAML file for a person: every problem becomes a ConfigError with the file, the
// line and the key. Shared by tiller.yaml and plugin.yaml (and later forms and flows).
#pragma once

#include <tiller/errors.hpp>

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <string>

namespace tiller::config {

struct YamlReader {
    std::string file;

    // Parses the whole file; a syntax error names its line.
    YAML::Node load() const;

    [[noreturn]] void fail(const YAML::Node& node, const std::string& key, const std::string& reason) const {
        throw ConfigError(file, node.Mark().is_null() ? 0 : node.Mark().line + 1, key, reason);
    }
    std::string scalar(const YAML::Node& node, const std::string& key) const {
        if (!node.IsScalar()) fail(node, key, "must be a single value, not a list or a map");
        return node.Scalar();
    }
};

}  // namespace tiller::config
