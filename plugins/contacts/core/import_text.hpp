// The sentences of customer import and export, in the running language: English in the code,
// marked with N_() for the catalog (tiller-contacts), numbered blanks {1} {2} ... filled in after
// the translation so word order can change between languages.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace contacts {

std::string say(std::string_view english, std::initializer_list<std::string> values = {});

}  // namespace contacts
