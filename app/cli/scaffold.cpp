#include "scaffold.hpp"

#include <tiller/errors.hpp>
#include <tiller/version.hpp>

#include <cctype>
#include <fstream>
#include <regex>

namespace tiller::cli {
namespace {

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
    for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size()))
        text.replace(pos, from.size(), to);
    return text;
}

// hello_world -> HelloWorld, for the C++ class name.
std::string className(const std::string& id) {
    std::string out;
    bool upper = true;
    for (char c : id) {
        if (c == '_') {
            upper = true;
            continue;
        }
        out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        upper = false;
    }
    return out;
}

}  // namespace

Scaffold writeScaffold(const std::string& id, const std::filesystem::path& parent) {
    static const std::regex form("[a-z][a-z0-9_]{0,39}");
    if (!std::regex_match(id, form))
        throw ValidationError("ID", "'" + id + "' must be lower case letters, digits and _ (starting with a letter)");
    Scaffold result{parent / id, {}};
    if (std::filesystem::exists(result.folder))
        throw Error(result.folder.string() + " already exists; choose another id or --dir");
    std::string title = className(id);
    for (const auto& [relative, text] : scaffoldTemplates()) {
        auto path = result.folder / replaceAll(relative, "@ID@", id);
        std::filesystem::create_directories(path.parent_path());
        std::string body = replaceAll(text, "@ID@", id);
        body = replaceAll(body, "@CLASS@", title);
        body = replaceAll(body, "@TILLER_VERSION@", kVersion);
        std::ofstream out(path, std::ios::binary);
        out << body;
        if (!out) throw Error("cannot write " + path.string());
        result.files.push_back(path);
    }
    return result;
}

}  // namespace tiller::cli
