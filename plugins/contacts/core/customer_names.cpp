#include "core/customer_names.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <vector>

namespace contacts {
namespace {

std::vector<char32_t> decode(std::string_view s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
        bool whole = extra >= 0 && i + static_cast<std::size_t>(extra) < s.size();
        for (int k = 1; whole && k <= extra; ++k) whole = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
        if (!whole) {
            ++i;  // a broken byte: skipped, a name is never refused for it
            continue;
        }
        char32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
        for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.push_back(cp);
        i += static_cast<std::size_t>(extra) + 1;
    }
    return out;
}

void encode(char32_t cp, std::string& out) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string encode(const std::vector<char32_t>& cps) {
    std::string out;
    for (char32_t cp : cps) encode(cp, out);
    return out;
}

char32_t fold(char32_t cp) {
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // fullwidth ASCII (Ａ１，) typed by Chinese IMEs
    if (cp == 0x3000) cp = ' ';                      // ideographic space
    if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
    return cp;
}

// Spaces and punctuation: ASCII, Latin-1, general punctuation (“”‘’—…), CJK symbols and
// punctuation (、。《》【】「」), the katakana middle dot and the fullwidth forms left over.
bool separates(char32_t cp) {
    if (cp < 0x80) return !((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'));
    return (cp >= 0x80 && cp <= 0xBF) || (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
           cp == 0x30FB || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF65);
}

bool isEnglishSuffix(const std::string& word) {
    static const std::set<std::string> suffixes = {"co",   "company", "ltd",  "limited", "inc", "incorporated",
                                                   "corp", "corporation", "llc", "plc",   "gmbh", "ag",
                                                   "pte",  "pty",     "sa",   "srl",     "bv"};
    return suffixes.count(word) > 0;
}

// Longest first, so 股份有限公司 is not left as 股份.
const std::array<std::string_view, 6> kChineseSuffixes = {"股份有限公司", "有限责任公司", "集团有限公司", "有限公司",
                                                          "公司", "有限"};

bool endsWith(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::vector<std::u32string> bigrams(std::string_view key) {
    auto cps = decode(key);
    std::vector<std::u32string> out;
    if (cps.size() == 1) out.push_back(std::u32string(1, cps[0]));
    for (std::size_t i = 0; i + 1 < cps.size(); ++i) out.push_back(std::u32string{cps[i], cps[i + 1]});
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

std::string nameKey(std::string_view name) {
    std::vector<std::string> words;
    std::vector<char32_t> word;
    for (char32_t cp : decode(name)) {
        cp = fold(cp);
        if (separates(cp)) {
            if (!word.empty()) words.push_back(encode(word));
            word.clear();
        } else {
            word.push_back(cp);
        }
    }
    if (!word.empty()) words.push_back(encode(word));
    std::string whole;
    for (const auto& w : words) whole += w;
    // English suffixes only as whole words: "Acme Co" loses "co", "Acmeco" keeps it.
    while (words.size() > 1 && isEnglishSuffix(words.back())) words.pop_back();
    std::string key;
    for (const auto& w : words) key += w;
    for (bool stripped = true; stripped;) {
        stripped = false;
        for (auto suffix : kChineseSuffixes)
            if (endsWith(key, suffix)) {
                key.erase(key.size() - suffix.size());
                stripped = true;
                break;
            }
    }
    return key.empty() ? whole : key;
}

double nameSimilarity(std::string_view a, std::string_view b) {
    if (a.empty() || b.empty()) return 0;
    if (a == b) return 1;
    auto x = bigrams(a), y = bigrams(b);
    std::size_t shared = 0;
    for (std::size_t i = 0, j = 0; i < x.size() && j < y.size();) {
        if (x[i] == y[j]) {
            ++shared;
            ++i;
            ++j;
        } else if (x[i] < y[j]) {
            ++i;
        } else {
            ++j;
        }
    }
    return 2.0 * static_cast<double>(shared) / static_cast<double>(x.size() + y.size());
}

std::string leadingCodePoints(std::string_view utf8, std::size_t count) {
    auto cps = decode(utf8);
    if (cps.size() > count) cps.resize(count);
    return encode(cps);
}

}  // namespace contacts
