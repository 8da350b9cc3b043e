#include <tiller/io/encoding.hpp>

#include <uchardet/uchardet.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <memory>

namespace tiller::io {
namespace {

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

// UTF-16 without a byte-order mark: text that is mostly ASCII has a zero in every other byte.
std::string utf16WithoutMark(std::string_view sample) {
    std::size_t pairs = std::min<std::size_t>(sample.size() / 2, 2048), zeroHigh = 0, zeroLow = 0;
    for (std::size_t i = 0; i < pairs; ++i) {
        if (sample[2 * i] == '\0' && sample[2 * i + 1] != '\0') ++zeroLow;
        if (sample[2 * i + 1] == '\0' && sample[2 * i] != '\0') ++zeroHigh;
    }
    if (pairs < 2) return {};
    if (zeroHigh * 10 >= pairs * 3 && zeroLow == 0) return "UTF-16LE";
    if (zeroLow * 10 >= pairs * 3 && zeroHigh == 0) return "UTF-16BE";
    return {};
}

// Whether 8-bit text reads as GB18030 made mostly of GB2312's common hanzi (both bytes 0xA1 or
// above). uchardet has no confidence figure, and on a short GBK sample (one customer row) it
// may answer a single-byte encoding such as KOI8-R; this is how "unsure" is recognised.
bool looksLikeChinese(std::string_view s) {
    std::size_t pairs = 0, common = 0;
    auto byte = [&s](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    for (std::size_t i = 0; i < s.size();) {
        if (byte(i) < 0x80) {
            ++i;
            continue;
        }
        if (i + 1 >= s.size()) break;  // a sample may end inside a character
        if (byte(i) == 0x80 || byte(i) == 0xFF) return false;
        unsigned char lead = byte(i), trail = byte(i + 1);
        if (trail >= 0x30 && trail <= 0x39) {  // a four-byte GB18030 sequence
            if (i + 3 >= s.size() || byte(i + 2) < 0x81 || byte(i + 2) == 0xFF ||
                byte(i + 3) < 0x30 || byte(i + 3) > 0x39)
                return false;
            i += 4;
            continue;
        }
        if (trail < 0x40 || trail == 0x7F || trail == 0xFF) return false;
        ++pairs;
        if (lead >= 0xA1 && trail >= 0xA1) ++common;
        i += 2;
    }
    return pairs > 0 && common * 10 >= pairs * 8;
}

bool isMultiByteEastAsian(const std::string& charset) {
    for (const char* name :
         {"GB18030", "BIG5", "EUC-TW", "EUC-KR", "EUC-JP", "SHIFT_JIS", "ISO-2022", "UHC", "HZ-GB"})
        if (charset.rfind(name, 0) == 0) return true;
    return false;
}

void appendUtf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

std::string hexBytes(const char* bytes, std::size_t length) {
    std::string text;
    for (std::size_t i = 0; i < length; ++i) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "%s0x%02X", i ? " " : "",
                      static_cast<unsigned char>(bytes[i]));
        text += hex;
    }
    return text;
}

struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};

}  // namespace

bool isUtf8(std::string_view s, bool allowTruncatedEnd) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = (c & 0xE0) == 0xC0   ? 2
                             : (c & 0xF0) == 0xE0 ? 3
                             : (c & 0xF8) == 0xF0 ? 4
                                                  : 0;
        if (length == 0) return false;
        unsigned min = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
        unsigned code = c & (0x7Fu >> length);
        std::size_t available = std::min(length, s.size() - i);
        for (std::size_t k = 1; k < available; ++k) {
            auto next = static_cast<unsigned char>(s[i + k]);
            if ((next & 0xC0) != 0x80) return false;
            code = (code << 6) | (next & 0x3F);
        }
        if (available < length) return allowTruncatedEnd;
        // Overlong forms, UTF-16 surrogates and code points past Unicode are not text.
        if (code < min || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return false;
        i += length;
    }
    return true;
}

std::string detectEncoding(std::string_view sample) {
    if (startsWith(sample, "\xEF\xBB\xBF")) return "UTF-8";
    if (startsWith(sample, "\xFF\xFE")) return "UTF-16LE";
    if (startsWith(sample, "\xFE\xFF")) return "UTF-16BE";
    sample = sample.substr(0, kEncodingSampleBytes);
    if (auto utf16 = utf16WithoutMark(sample); !utf16.empty()) return utf16;
    if (isUtf8(sample, true)) return "UTF-8";

    std::unique_ptr<uchardet, void (*)(uchardet_t)> detector(uchardet_new(), uchardet_delete);
    if (!detector) throw Error("out of memory while guessing a file's encoding");
    std::string answer;
    if (uchardet_handle_data(detector.get(), sample.data(), sample.size()) == 0) {
        uchardet_data_end(detector.get());
        const char* charset = uchardet_get_charset(detector.get());
        answer = charset ? charset : "";
    }
    std::transform(answer.begin(), answer.end(), answer.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    // No answer, or an answer the bytes have already disproved.
    if (answer.empty() || answer == "ASCII" || answer == "UTF-8") return "GB18030";
    if (!isMultiByteEastAsian(answer) && answer.rfind("UTF-", 0) != 0 && looksLikeChinese(sample))
        return "GB18030";
    return answer;
}

std::string toUtf8(std::string_view bytes, const std::string& encoding) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, ConverterCloser> converter(ucnv_open(encoding.c_str(), &status));
    if (U_FAILURE(status) || !converter)
        throw Error("the text encoding '" + encoding +
                    "' is not known; try UTF-8, GBK, GB18030 or UTF-16");
    // Stop at the first invalid sequence rather than putting a replacement character in a
    // customer's name without anyone noticing.
    ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                        &status);

    std::string out;
    out.reserve(bytes.size() + bytes.size() / 2);
    std::array<UChar, 16384> buffer{};
    const char* source = bytes.data();
    const char* const limit = bytes.data() + bytes.size();
    long long line = 1;
    bool atStart = true;
    UChar pendingLead = 0;  // a lead surrogate whose trail arrives with the next chunk
    for (;;) {
        UChar* target = buffer.data();
        if (pendingLead != 0) *target++ = pendingLead;
        pendingLead = 0;
        UErrorCode error = U_ZERO_ERROR;
        ucnv_toUnicode(converter.get(), &target, buffer.data() + buffer.size(), &source, limit,
                       nullptr, true, &error);
        auto produced = static_cast<std::size_t>(target - buffer.data());
        if (error == U_BUFFER_OVERFLOW_ERROR && produced > 0 && U16_IS_LEAD(buffer[produced - 1]))
            pendingLead = buffer[--produced];
        for (std::size_t i = 0; i < produced; ++i) {
            char32_t c = buffer[i];
            if (U16_IS_LEAD(c) && i + 1 < produced && U16_IS_TRAIL(buffer[i + 1]))
                c = U16_GET_SUPPLEMENTARY(c, buffer[++i]);
            if (atStart && c == 0xFEFF) {
                atStart = false;
                continue;
            }
            atStart = false;
            if (c == U'\n') ++line;
            appendUtf8(out, c);
        }
        if (error == U_BUFFER_OVERFLOW_ERROR) continue;
        if (U_FAILURE(error)) {
            char invalid[32];
            int8_t length = sizeof invalid;
            UErrorCode ignored = U_ZERO_ERROR;
            ucnv_getInvalidChars(converter.get(), invalid, &length, &ignored);
            if (U_FAILURE(ignored)) length = 0;
            auto offset =
                static_cast<std::size_t>(source - bytes.data()) - static_cast<std::size_t>(length);
            std::string where =
                "line " + std::to_string(line) + " (byte " + std::to_string(offset) + ")";
            std::string what = error == U_TRUNCATED_CHAR_FOUND
                                   ? "the text is not valid " + encoding +
                                         ": it ends in the middle of a character at " + where
                                   : "the text is not valid " + encoding + ": " + where +
                                         " holds " +
                                         hexBytes(invalid, static_cast<std::size_t>(length)) +
                                         "; choose the file's real encoding";
            throw EncodingError(encoding, offset, line, what);
        }
        break;
    }
    return out;
}

}  // namespace tiller::io
