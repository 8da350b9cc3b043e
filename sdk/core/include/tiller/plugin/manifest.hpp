// plugin.yaml: what a plugin is, read without loading any of its code.
//
//   id: hello                       # [a-z][a-z0-9_]*, unique
//   name: Hello                     # or {en: Hello, zh_CN: 你好}
//   description: A tiny example plugin
//   version: 1.0.0                  # semver
//   sdk: "^1.0"                     # SDK API range it was written for
//   license: Apache-2.0
//   vendor: Tiller
//   library: libtiller_hello.so     # beside plugin.yaml; omit for a plugin without code
//   depends:
//     - {id: contacts, version: "^1.0"}                  # required
//     - {id: dialer, version: "^1.0", optional: true}
//   permissions:
//     - {key: hello.greet, label: Greet people, roles: [sales, service]}
//   entities: [entities/greeting.yaml]      # records, see tiller/record/entity.hpp
//   forms: [forms/greeting.yaml]
//   lists: [lists/greetings.yaml]
//   flows: [flows/greeting_approval.yaml]
#pragma once

#include <tiller/i18n/text.hpp>
#include <tiller/plugin/semver.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace tiller::plugin {

struct Dependency {
    std::string id;
    VersionRange versions = VersionRange::any();
    bool optional = false;
};

struct PermissionDeclaration {
    std::string key;  // "<plugin id>.<action>"
    i18n::Text label;
    std::vector<std::string> roles;  // built-in roles granted it when it first appears
};

struct Manifest {
    std::filesystem::path file;  // the plugin.yaml it came from
    std::string id;
    i18n::Text name;
    i18n::Text description;
    Version version;
    VersionRange sdk = VersionRange::any();
    std::string license;
    std::string vendor;
    std::string library;  // file name, relative to the manifest's folder; "" = no code
    std::vector<Dependency> depends;
    std::vector<PermissionDeclaration> permissions;
    std::vector<std::string> entities, forms, lists, flows;

    std::filesystem::path folder() const { return file.parent_path(); }
    std::string catalogDomain() const { return "tiller-" + id; }
};

// Throws ConfigError naming the file, the line and the key.
Manifest readManifest(const std::filesystem::path& file);

}  // namespace tiller::plugin
