// Small text helpers for the SQL the record model builds (store, pager).
#pragma once

#include <algorithm>
#include <string>

namespace tiller::record {

inline std::string asciiLower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// "%text%" for LIKE ... ESCAPE with a backslash: %, _ and backslashes in the text are literal.
inline std::string likePattern(const std::string& text) {
    std::string out = "%";
    for (char c : asciiLower(text)) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out + "%";
}

}  // namespace tiller::record
