// Pinyin for the global search (SPEC §2.12, issue 7 item 6): Chinese names are found by their
// full pinyin ("zhangsan", "zhang san") and by their initials ("zs"). Readings come from ICU's
// Han-Latin transliterator, one Han character at a time, so each character is one syllable.
//
// Limit: ICU gives one reading per character and does not look at the word around it, so a
// polyphonic character gets its most common reading: 曾 → "ceng" (the surname is "zeng"),
// 单 → "dan" (surname "shan"), 重 → "zhong" (重庆 is "chongqing"). Such names are still found by
// the Chinese characters, the common reading's pinyin, or a phone/email fragment.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace contacts {

// True when `utf8` holds at least one Han character.
bool containsHan(std::string_view utf8);

// The words of `utf8` in lower case, with each Han character replaced by its toneless pinyin
// syllable: "张三" → {"zhang", "san"}; "Alice 陈" → {"alice", "chen"}. Other letters and digits
// are folded to ASCII where ICU knows how (é → e); punctuation separates words and is dropped.
std::vector<std::string> pinyinSyllables(std::string_view utf8);

// The syllables joined: "张三" → "zhangsan"; "Alice 陈" → "alicechen".
std::string fullPinyin(std::string_view utf8);
// The syllables joined with spaces: "张三" → "zhang san".
std::string spacedPinyin(std::string_view utf8);
// The first letter (or digit) of each syllable: "张三" → "zs"; "Alice 陈" → "ac".
std::string initials(std::string_view utf8);

// `utf8` in lower case (full Unicode case folding is not needed: Chinese has no case).
std::string lowerCase(std::string_view utf8);

}  // namespace contacts
