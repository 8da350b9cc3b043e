#include <tiller/plugin/manifest.hpp>

#include <tiller/errors.hpp>

#include "../config/yaml_reader.hpp"

#include <regex>
#include <set>

namespace tiller::plugin {
namespace {

const std::regex kId("[a-z][a-z0-9_]{0,39}");
const std::regex kPermissionKey("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
const std::set<std::string> kKeys = {"id",      "name",    "description", "version",
                                     "sdk",     "license", "vendor",      "library",
                                     "depends", "permissions", "entities", "forms", "lists", "flows"};

struct Reader : config::YamlReader {
    std::string required(const YAML::Node& root, const std::string& key) const {
        if (!root[key]) throw ConfigError(file, 0, key, "is missing (every plugin.yaml needs it)");
        auto value = scalar(root[key], key);
        if (value.empty()) fail(root[key], key, "must not be empty");
        return value;
    }
    std::vector<std::string> files(const YAML::Node& node, const std::string& key) const {
        std::vector<std::string> out;
        if (!node) return out;
        if (!node.IsSequence()) fail(node, key, "must be a list of files");
        for (const auto& item : node) {
            auto f = scalar(item, key);
            if (f.empty() || f.front() == '/' || f.find("..") != std::string::npos)
                fail(item, key, "'" + f + "' must be a path inside the plugin's folder");
            out.push_back(f);
        }
        return out;
    }
};

}  // namespace

Manifest readManifest(const std::filesystem::path& path) {
    Reader r{{path.string()}};
    YAML::Node root = r.load();
    if (!root.IsMap()) throw ConfigError(r.file, 1, "", "must be a map of keys (id, name, version ...)");
    for (const auto& entry : root)
        if (!kKeys.count(entry.first.Scalar()))
            r.fail(entry.first, entry.first.Scalar(), "is not a plugin.yaml key");

    Manifest m;
    m.file = path;
    m.id = r.required(root, "id");
    if (!std::regex_match(m.id, kId))
        r.fail(root["id"], "id", "'" + m.id + "' must be lower case letters, digits and _ (starting with a letter)");
    const std::string domain = m.catalogDomain();
    if (!root["name"]) throw ConfigError(r.file, 0, "name", "is missing (every plugin.yaml needs it)");
    m.name = r.text(root["name"], "name", domain);
    if (root["description"]) m.description = r.text(root["description"], "description", domain);

    auto versionText = r.required(root, "version");
    auto version = Version::parse(versionText);
    if (!version) r.fail(root["version"], "version", "'" + versionText + "' is not a version like 1.0.0");
    m.version = *version;

    auto sdkText = r.required(root, "sdk");
    std::string why;
    auto sdk = VersionRange::parse(sdkText, &why);
    if (!sdk) r.fail(root["sdk"], "sdk", why);
    m.sdk = *sdk;

    m.license = r.required(root, "license");
    if (root["vendor"]) m.vendor = r.scalar(root["vendor"], "vendor");
    if (root["library"]) {
        m.library = r.scalar(root["library"], "library");
        if (m.library.find('/') != std::string::npos || m.library.empty())
            r.fail(root["library"], "library", "must be a file name beside plugin.yaml");
    }

    if (const auto& deps = root["depends"]) {
        if (!deps.IsSequence()) r.fail(deps, "depends", "must be a list of {id, version, optional}");
        for (const auto& d : deps) {
            Dependency dep;
            if (d.IsScalar()) {
                dep.id = d.Scalar();
            } else if (d.IsMap()) {
                if (!d["id"]) r.fail(d, "depends", "an entry has no id");
                dep.id = r.scalar(d["id"], "depends");
                if (d["version"]) {
                    auto range = VersionRange::parse(r.scalar(d["version"], "depends"), &why);
                    if (!range) r.fail(d["version"], "depends", why);
                    dep.versions = *range;
                }
                if (d["optional"]) {
                    auto o = r.scalar(d["optional"], "depends");
                    if (o != "true" && o != "false") r.fail(d["optional"], "depends", "optional must be true or false");
                    dep.optional = o == "true";
                }
            } else {
                r.fail(d, "depends", "must be a list of {id, version, optional}");
            }
            if (!std::regex_match(dep.id, kId)) r.fail(d, "depends", "'" + dep.id + "' is not a plugin id");
            if (dep.id == m.id) r.fail(d, "depends", "a plugin cannot depend on itself");
            m.depends.push_back(dep);
        }
    }
    if (const auto& perms = root["permissions"]) {
        if (!perms.IsSequence()) r.fail(perms, "permissions", "must be a list of {key, label}");
        for (const auto& p : perms) {
            if (!p.IsMap() || !p["key"] || !p["label"]) r.fail(p, "permissions", "each needs a key and a label");
            PermissionDeclaration decl{r.scalar(p["key"], "permissions"), r.text(p["label"], "permissions", domain), {}};
            if (const auto& roles = p["roles"]) {
                if (!roles.IsSequence()) r.fail(roles, "permissions", "roles must be a list of role keys");
                for (const auto& role : roles) decl.roles.push_back(r.scalar(role, "permissions"));
            }
            if (!std::regex_match(decl.key, kPermissionKey) || !decl.key.starts_with(m.id + "."))
                r.fail(p["key"], "permissions", "'" + decl.key + "' must look like " + m.id + ".action");
            m.permissions.push_back(decl);
        }
    }
    m.entities = r.files(root["entities"], "entities");
    m.forms = r.files(root["forms"], "forms");
    m.lists = r.files(root["lists"], "lists");
    m.flows = r.files(root["flows"], "flows");
    return m;
}

}  // namespace tiller::plugin
