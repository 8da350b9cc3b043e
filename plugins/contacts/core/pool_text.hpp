// The contacts catalog for the pool and lead code (claims, assignments, recall messages,
// conversions): sentences people read are English in the code and translated here, so tiller-cli
// and the GUI answer in the running language. Named `tr` so xgettext finds the strings.
#pragma once

#include <tiller/i18n/catalogs.hpp>

#include <initializer_list>
#include <string>

namespace contacts::pool_text {

inline std::string tr(const char* english) { return tiller::i18n::tr(english, "tiller-contacts"); }

// `pattern` with each "%s" replaced by the next of `values`, in order.
std::string fill(std::string pattern, std::initializer_list<std::string> values);

}  // namespace contacts::pool_text
