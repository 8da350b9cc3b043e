#include "core/pinyin.hpp"

#include <unicode/locid.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <memory>
#include <stdexcept>
#include <unordered_map>

namespace contacts {
namespace {

// ICU transliterators keep mutable state while they work, so each thread gets its own; creating
// one parses ICU's rules (~ms), hence once per thread, not per call.
icu::Transliterator& transliterator() {
    thread_local std::unique_ptr<icu::Transliterator> instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
            "Han-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
        if (U_FAILURE(status) || !t) {
            throw std::runtime_error(std::string("ICU Han-Latin transliterator unavailable: ") +
                                     u_errorName(status));
        }
        return t;
    }();
    return *instance;
}

bool isHan(UChar32 c) {
    UErrorCode status = U_ZERO_ERROR;
    return uscript_getScript(c, &status) == USCRIPT_HAN && U_SUCCESS(status);
}

std::string toUtf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

// Splits ASCII-folded text into words of letters and digits.
void appendWords(const std::string& ascii, std::vector<std::string>& words) {
    std::string word;
    for (char ch : ascii) {
        const auto u = static_cast<unsigned char>(ch);
        if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')) {
            word += ch;
        } else if (u >= 'A' && u <= 'Z') {
            word += static_cast<char>(u - 'A' + 'a');
        } else if (u >= 0x80) {
            word += ch;  // a letter ICU could not fold to ASCII stays as it is
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
}

}  // namespace

bool containsHan(std::string_view utf8) {
    const auto text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
        if (isHan(text.char32At(i))) return true;
    }
    return false;
}

std::vector<std::string> pinyinSyllables(std::string_view utf8) {
    const auto text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    auto& t = transliterator();
    std::vector<std::string> words;
    icu::UnicodeString other;  // the run of non-Han text before the current character
    auto flushOther = [&] {
        if (other.isEmpty()) return;
        t.transliterate(other);
        appendWords(toUtf8(other), words);
        other.remove();
    };
    for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
        const UChar32 c = text.char32At(i);
        if (!isHan(c)) {
            other.append(c);
            continue;
        }
        flushOther();
        // One character at a time: ICU then yields exactly one syllable for it. Remembered per
        // thread: a few thousand characters cover nearly all names, and ICU is slow (~µs each).
        thread_local std::unordered_map<UChar32, std::string> known;
        auto it = known.find(c);
        if (it == known.end()) {
            icu::UnicodeString han(c);
            t.transliterate(han);
            std::vector<std::string> parts;
            appendWords(toUtf8(han), parts);
            std::string joined;
            for (auto& part : parts) joined += part;
            it = known.emplace(c, std::move(joined)).first;
        }
        if (!it->second.empty()) words.push_back(it->second);
    }
    flushOther();
    return words;
}

std::string fullPinyin(std::string_view utf8) {
    std::string out;
    for (const auto& s : pinyinSyllables(utf8)) out += s;
    return out;
}

std::string spacedPinyin(std::string_view utf8) {
    std::string out;
    for (const auto& s : pinyinSyllables(utf8)) {
        if (!out.empty()) out += ' ';
        out += s;
    }
    return out;
}

std::string initials(std::string_view utf8) {
    std::string out;
    for (const auto& s : pinyinSyllables(utf8)) {
        if (!s.empty() && static_cast<unsigned char>(s[0]) < 0x80) out += s[0];
    }
    return out;
}

std::string lowerCase(std::string_view utf8) {
    auto text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    text.toLower(icu::Locale::getRoot());
    return toUtf8(text);
}

}  // namespace contacts
