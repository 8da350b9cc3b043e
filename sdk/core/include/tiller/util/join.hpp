// Joins texts with a separator: join({"a", "b"}, ", ") == "a, b".
#pragma once

#include <string>
#include <string_view>

namespace tiller::util {

template <class Range>
std::string join(const Range& items, std::string_view separator) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

}  // namespace tiller::util
