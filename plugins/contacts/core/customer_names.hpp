// Customer names as the duplicate check compares them (SPEC §2.10): "北京华信科技有限公司",
// "北京 华信科技" and "北京华信科技(有限公司)" are one company to a person, and "ACME Trading
// Co., Ltd." is "Acme Trading". Pure functions, no database.
#pragma once

#include <string>
#include <string_view>

namespace contacts {

// The name reduced to what tells companies apart: fullwidth letters and digits folded to
// ASCII, lower case, spaces and punctuation (ASCII and Chinese) removed, and trailing company
// suffixes dropped (有限公司, 股份有限公司, 有限责任公司, 公司; Co., Ltd, Limited, Inc, Corp,
// LLC, GmbH ...). A name that is nothing but a suffix keeps it. "" for a blank name.
std::string nameKey(std::string_view name);

// How alike two keys are, from 0 (nothing shared) to 1 (equal): the Dice coefficient of their
// character pairs (bigrams of Unicode code points). Cheap, and order-tolerant enough for
// "华信科技北京" against "北京华信科技" (0.8).
double nameSimilarity(std::string_view keyA, std::string_view keyB);

// The first `count` code points of a UTF-8 string (the prefix similar names are looked up by).
std::string leadingCodePoints(std::string_view utf8, std::size_t count);

}  // namespace contacts
