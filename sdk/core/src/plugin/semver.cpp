#include <tiller/plugin/semver.hpp>

#include <cctype>
#include <sstream>

namespace tiller::plugin {
namespace {

bool readNumber(std::string_view& text, int& out) {
    if (text.empty() || !std::isdigit(static_cast<unsigned char>(text.front()))) return false;
    long value = 0;
    while (!text.empty() && std::isdigit(static_cast<unsigned char>(text.front()))) {
        value = value * 10 + (text.front() - '0');
        if (value > 1000000) return false;
        text.remove_prefix(1);
    }
    out = static_cast<int>(value);
    return true;
}

// Parses "1", "1.2", "1.2.3", "1.2.3-pre"; `parts` says how many numbers were given.
std::optional<Version> parsePartial(std::string_view text, int& parts) {
    Version v;
    parts = 0;
    if (!readNumber(text, v.major)) return std::nullopt;
    parts = 1;
    if (!text.empty() && text.front() == '.') {
        text.remove_prefix(1);
        if (!readNumber(text, v.minor)) return std::nullopt;
        parts = 2;
        if (!text.empty() && text.front() == '.') {
            text.remove_prefix(1);
            if (!readNumber(text, v.patch)) return std::nullopt;
            parts = 3;
        }
    }
    if (!text.empty() && text.front() == '-' && parts == 3) {
        text.remove_prefix(1);
        if (text.empty()) return std::nullopt;
        for (char c : text)
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-')
                return std::nullopt;
        v.prerelease = std::string(text);
        text = {};
    }
    if (!text.empty()) return std::nullopt;
    return v;
}

}  // namespace

std::optional<Version> Version::parse(std::string_view text) {
    int parts = 0;
    return parsePartial(text, parts);
}

std::string Version::text() const {
    std::string s = std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
    return prerelease.empty() ? s : s + "-" + prerelease;
}

bool operator<(const Version& a, const Version& b) {
    if (a.major != b.major) return a.major < b.major;
    if (a.minor != b.minor) return a.minor < b.minor;
    if (a.patch != b.patch) return a.patch < b.patch;
    // A pre-release comes before its release.
    if (a.prerelease.empty() != b.prerelease.empty()) return !a.prerelease.empty();
    return a.prerelease < b.prerelease;
}

VersionRange VersionRange::any() {
    VersionRange r;
    r.text_ = "*";
    return r;
}

std::optional<VersionRange> VersionRange::parse(std::string_view text, std::string* error) {
    auto refuse = [&](const std::string& why) -> std::optional<VersionRange> {
        if (error) *error = why;
        return std::nullopt;
    };
    VersionRange range;
    range.text_ = std::string(text);
    std::istringstream words{std::string(text)};
    std::string word;
    bool any = false;
    while (words >> word) {
        any = true;
        if (word == "*") continue;
        std::string_view w = word;
        Op op = Op::eq;
        char kind = 0;
        if (w.starts_with(">=")) op = Op::ge, w.remove_prefix(2);
        else if (w.starts_with("<=")) op = Op::le, w.remove_prefix(2);
        else if (w.starts_with(">")) op = Op::gt, w.remove_prefix(1);
        else if (w.starts_with("<")) op = Op::lt, w.remove_prefix(1);
        else if (w.starts_with("=")) w.remove_prefix(1);
        else if (w.starts_with("^") || w.starts_with("~")) kind = w.front(), w.remove_prefix(1);
        int parts = 0;
        auto v = parsePartial(w, parts);
        if (!v) return refuse("'" + word + "' is not a version or a version range");
        if (kind == '^') {
            // ^1.2 -> >=1.2.0 <2.0.0 ; ^0.3 -> >=0.3.0 <0.4.0
            Version upper = v->major > 0 || parts == 1 ? Version{v->major + 1, 0, 0, ""}
                                                       : Version{0, v->minor + 1, 0, ""};
            range.all_.push_back({Op::ge, *v});
            range.all_.push_back({Op::lt, upper});
        } else if (kind == '~' || (op == Op::eq && parts < 3)) {
            // ~1.2 and 1.2 -> >=1.2.0 <1.3.0 ; ~1 and 1 -> >=1.0.0 <2.0.0
            Version upper = parts == 1 ? Version{v->major + 1, 0, 0, ""}
                                       : Version{v->major, v->minor + 1, 0, ""};
            range.all_.push_back({Op::ge, *v});
            range.all_.push_back({Op::lt, upper});
        } else {
            range.all_.push_back({op, *v});
        }
    }
    if (!any) return refuse("the version range is empty");
    return range;
}

bool VersionRange::contains(const Version& version) const {
    for (const auto& c : all_) {
        bool ok = false;
        switch (c.op) {
            case Op::eq: ok = version == c.version; break;
            case Op::lt: ok = version < c.version; break;
            case Op::le: ok = version <= c.version; break;
            case Op::gt: ok = c.version < version; break;
            case Op::ge: ok = c.version <= version; break;
        }
        if (!ok) return false;
    }
    return true;
}

}  // namespace tiller::plugin
