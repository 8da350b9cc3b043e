#include "core/dialer_text.hpp"

#include <tiller/i18n/catalogs.hpp>

#include <cstdio>

namespace dialer {

std::string tr(const char* english) { return tiller::i18n::tr(english, "tiller-dialer"); }

std::string tr(const char* english, std::initializer_list<std::string> values) {
    return tiller::i18n::fill(tr(english), values);
}

std::string clockText(long long ms) {
    long long s = ms < 0 ? 0 : ms / 1000;
    char text[32];
    if (s >= 3600)
        std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
    else
        std::snprintf(text, sizeof text, "%lld:%02lld", s / 60, s % 60);
    return text;
}

}  // namespace dialer
