#include "yaml_reader.hpp"

#include <fstream>
#include <sstream>

namespace tiller::config {

YAML::Node YamlReader::load() const {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ConfigError(file, 0, "", "cannot be read (missing or not permitted)");
    std::stringstream text;
    text << in.rdbuf();
    return parse(text.str());
}

std::string YamlReader::readText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ConfigError(path.string(), 0, "", "cannot be read (missing or not permitted)");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

YAML::Node YamlReader::parse(const std::string& yaml) const {
    try {
        return YAML::Load(yaml);
    } catch (const YAML::Exception& e) {
        throw ConfigError(file, e.mark.is_null() ? 0 : e.mark.line + 1, "", "is not valid YAML: " + e.msg);
    }
}

i18n::Text YamlReader::text(const YAML::Node& node, const std::string& key, const std::string& domain) const {
    i18n::Text t;
    t.domain = domain;
    if (node.IsScalar()) {
        t.source = node.Scalar();
    } else if (node.IsMap()) {
        for (const auto& entry : node) t.byLanguage[entry.first.Scalar()] = scalar(entry.second, key);
        if (!t.byLanguage.count("en")) fail(node, key, "needs at least an 'en' text");
        t.source = t.byLanguage["en"];
    } else {
        fail(node, key, "must be a text or a map of language: text");
    }
    return t;
}

bool YamlReader::flag(const YAML::Node& node, const std::string& key) const {
    auto value = scalar(node, key);
    if (value != "true" && value != "false") fail(node, key, "must be true or false, not '" + value + "'");
    return value == "true";
}

long long YamlReader::integer(const YAML::Node& node, const std::string& key) const {
    auto value = scalar(node, key);
    try {
        std::size_t used = 0;
        long long n = std::stoll(value, &used);
        if (used == value.size()) return n;
    } catch (const std::exception&) {
    }
    fail(node, key, "must be a whole number, not '" + value + "'");
}

void YamlReader::onlyKeys(const YAML::Node& map, const std::set<std::string>& allowed, const std::string& what) const {
    for (const auto& entry : map)
        if (!allowed.count(entry.first.Scalar()))
            fail(entry.first, entry.first.Scalar(), "is not a key of " + what);
}

}  // namespace tiller::config
