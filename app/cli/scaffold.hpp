// `tiller-cli plugin new ID`: writes a complete out-of-tree plugin from the templates in
// scaffold/template/ (compiled into the program), with @ID@ and friends filled in.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace tiller::cli {

struct Scaffold {
    std::filesystem::path folder;
    std::vector<std::filesystem::path> files;
};

// Throws ValidationError for a bad id and Error when the folder already exists.
Scaffold writeScaffold(const std::string& id, const std::filesystem::path& parent);

// Generated from scaffold/template/: relative path (with @ID@) -> text.
std::vector<std::pair<std::string, std::string>> scaffoldTemplates();

}  // namespace tiller::cli
