// Semantic versions (1.4.2, 2.0.0-beta.1) and the ranges plugins use to name what they need:
// "^1.2" (1.2.0 up to 2.0.0), "~1.2" (1.2.x), ">=1.0 <3", "1.4.2", "*". A range made of
// several comparators separated by spaces needs all of them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tiller::plugin {

struct Version {
    int major = 0, minor = 0, patch = 0;
    std::string prerelease;  // "" for a release

    // Accepts 1, 1.2, 1.2.3 and 1.2.3-pre; nullopt for anything else.
    static std::optional<Version> parse(std::string_view text);
    std::string text() const;
    friend bool operator==(const Version&, const Version&) = default;
    friend bool operator<(const Version& a, const Version& b);
    friend bool operator<=(const Version& a, const Version& b) { return !(b < a); }
};

class VersionRange {
public:
    // nullopt when `text` is not a range; `error` then says why.
    static std::optional<VersionRange> parse(std::string_view text, std::string* error = nullptr);
    static VersionRange any();
    bool contains(const Version& version) const;
    const std::string& text() const { return text_; }

private:
    enum class Op { eq, lt, le, gt, ge };
    struct Comparator {
        Op op;
        Version version;
    };
    std::vector<Comparator> all_;
    std::string text_;
};

}  // namespace tiller::plugin
