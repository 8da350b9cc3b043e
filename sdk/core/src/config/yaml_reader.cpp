#include "yaml_reader.hpp"

#include <fstream>
#include <sstream>

namespace tiller::config {

YAML::Node YamlReader::load() const {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ConfigError(file, 0, "", "cannot be read (missing or not permitted)");
    std::stringstream text;
    text << in.rdbuf();
    try {
        return YAML::Load(text.str());
    } catch (const YAML::Exception& e) {
        throw ConfigError(file, e.mark.is_null() ? 0 : e.mark.line + 1, "", "is not valid YAML: " + e.msg);
    }
}

}  // namespace tiller::config
