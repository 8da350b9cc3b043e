// The short-query index of the global search (SPEC §2.12, issue 7 item 6; migration 004).
// Trigram indexes cannot answer queries of one or two characters, so each search entry also
// gets a set of whole-token keys that such a query is looked up by, exactly:
//   - every Han character, and every two adjacent Han characters ("华为" → 华, 为, 华为);
//   - the first two characters of every other word ("zhangsan" → zh, "zs" → zs, "alice" → al),
//     so a two-letter query finds words that start with it (initials, pinyin, English names).
// Tokens are derived from the stored haystack alone, so the index can be rebuilt from it and
// the same tokens are computed again when an entry is removed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace contacts {

// The short tokens of a haystack (SearchIndex::haystackOf), distinct, separated by one space.
std::string shortTokensOf(std::string_view haystack);

// The token a one- or two-character query (lower case, trimmed) is looked up by, or nothing
// when the short index cannot answer it: one Latin letter or digit, two digits, or a mix of Han
// and other characters. Such queries are answered by the title ranks alone.
std::optional<std::string> shortQueryToken(std::string_view query);

}  // namespace contacts
