#include "pool_text.hpp"

namespace contacts::pool_text {

std::string fill(std::string pattern, std::initializer_list<std::string> values) {
    std::size_t from = 0;
    for (const auto& value : values) {
        auto at = pattern.find("%s", from);
        if (at == std::string::npos) break;
        pattern.replace(at, 2, value);
        from = at + value.size();
    }
    return pattern;
}

}  // namespace contacts::pool_text
