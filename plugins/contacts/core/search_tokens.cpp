#include "core/search_tokens.hpp"

#include <algorithm>
#include <vector>

namespace contacts {
namespace {

enum class CharClass { separator, han, word };

struct CodePoint {
    char32_t value = 0;
    std::size_t size = 1;  // bytes
};

// Decodes one UTF-8 code point; a malformed byte comes back as U+FFFD of size 1 (a separator).
CodePoint decode(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
    const unsigned char lead = byte(0);
    std::size_t size = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (size == 0 || at + size > text.size()) return {0xFFFD, 1};
    char32_t value = size == 1 ? lead : lead & (0xFF >> (size + 1));
    for (std::size_t i = 1; i < size; ++i) {
        if ((byte(i) & 0xC0) != 0x80) return {0xFFFD, 1};
        value = (value << 6) | (byte(i) & 0x3F);
    }
    return {value, size};
}

// Han: the CJK unified ideographs with their extensions and the compatibility ideographs.
// A fixed table rather than ICU's script property: this runs for every character of a million
// entries during an import, and the query side must classify exactly the same way.
CharClass classOf(char32_t c) {
    if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x3134F) ||
        (c >= 0xF900 && c <= 0xFAFF)) {
        return CharClass::han;
    }
    if (c < 0x80) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        return alnum ? CharClass::word : CharClass::separator;
    }
    if (c == 0xFFFD || (c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF0F)) {
        return CharClass::separator;  // punctuation, symbols, CJK punctuation, fullwidth signs
    }
    return CharClass::word;  // letters of other scripts: é, ж, かな ...
}

bool isDigit(char32_t c) { return c >= '0' && c <= '9'; }

// The code points of `text` with their byte offsets, classified.
struct Piece {
    std::size_t offset;
    std::size_t size;
    char32_t value;
    CharClass kind;
};

std::vector<Piece> pieces(std::string_view text) {
    std::vector<Piece> out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const CodePoint cp = decode(text, at);
        out.push_back({at, cp.size, cp.value, classOf(cp.value)});
        at += cp.size;
    }
    return out;
}

}  // namespace

std::string shortTokensOf(std::string_view haystack) {
    std::vector<std::string_view> tokens;
    const auto all = pieces(haystack);
    const auto span = [&](std::size_t first, std::size_t count) {
        return haystack.substr(all[first].offset, all[first + count - 1].offset + all[first + count - 1].size -
                                                      all[first].offset);
    };
    for (std::size_t i = 0; i < all.size();) {
        if (all[i].kind == CharClass::han) {
            tokens.push_back(span(i, 1));
            if (i + 1 < all.size() && all[i + 1].kind == CharClass::han) tokens.push_back(span(i, 2));
            ++i;
        } else if (all[i].kind == CharClass::word) {
            std::size_t end = i;
            while (end < all.size() && all[end].kind == CharClass::word) ++end;
            // A word's first two characters, unless both are digits (phone fragments of one or
            // two digits find nothing useful; longer ones use the trigram index).
            if (end - i >= 2 && !(isDigit(all[i].value) && isDigit(all[i + 1].value))) tokens.push_back(span(i, 2));
            i = end;
        } else {
            ++i;
        }
    }
    std::sort(tokens.begin(), tokens.end());
    tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
    std::string out;
    for (const auto& token : tokens) {
        if (!out.empty()) out += ' ';
        out += token;
    }
    return out;
}

std::optional<std::string> shortQueryToken(std::string_view query) {
    const auto all = pieces(query);
    if (all.empty() || all.size() > 2) return std::nullopt;
    const bool han = std::all_of(all.begin(), all.end(), [](const Piece& p) { return p.kind == CharClass::han; });
    if (han) return std::string(query);
    const bool word = all.size() == 2 &&
                      std::all_of(all.begin(), all.end(), [](const Piece& p) { return p.kind == CharClass::word; }) &&
                      !(isDigit(all[0].value) && isDigit(all[1].value));
    if (word) return std::string(query);
    return std::nullopt;
}

}  // namespace contacts
