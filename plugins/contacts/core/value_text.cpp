#include "value_text.hpp"

namespace contacts {

namespace value_text {

std::string fill(std::string pattern, std::initializer_list<std::string> values) {
    std::size_t at = 0;
    for (const auto& value : values) {
        at = pattern.find("%s", at);
        if (at == std::string::npos) break;
        pattern.replace(at, 2, value);
        at += value.size();
    }
    return pattern;
}

}  // namespace value_text

}  // namespace contacts
