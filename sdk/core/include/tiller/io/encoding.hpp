// The text encoding of a file a person brings to import, and its conversion to UTF-8. Chinese
// Excel saves CSV as GBK, other tools as UTF-8 with or without a byte-order mark, or UTF-16;
// everything inside Tiller is UTF-8.
#pragma once

#include <tiller/errors.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace tiller::io {

// Bytes that are not valid in the encoding they were read as. what() names the encoding, the
// byte offset and the line, e.g. "the text is not valid GBK: line 3 (byte 97) holds 0xFF".
class EncodingError : public Error {
  public:
    EncodingError(std::string encoding, std::size_t offset, long long line, const std::string& what)
        : Error(what), encoding_(std::move(encoding)), offset_(offset), line_(line) {}
    const std::string& encoding() const { return encoding_; }
    std::size_t offset() const { return offset_; }  // 0-based byte offset into the input
    long long line() const { return line_; }        // 1-based

  private:
    std::string encoding_;
    std::size_t offset_;
    long long line_;
};

// How many leading bytes of a file detectEncoding() looks at; more only costs time.
inline constexpr std::size_t kEncodingSampleBytes = 256 * 1024;

// The encoding of `sample` (the start of a file), as a name toUtf8() accepts: "UTF-8",
// "UTF-16LE", "UTF-16BE" when a byte-order mark says so; "UTF-8" for text that is valid UTF-8
// (plain ASCII too); otherwise uchardet's guess ("GB18030", "BIG5", "WINDOWS-1252", ...), and
// "GB18030" (a superset of GBK) when uchardet has no answer or wrongly answers UTF-8: in a
// Chinese business an unknown 8-bit file is far more often GBK than anything else.
std::string detectEncoding(std::string_view sample);

// `bytes` in `encoding` (any name ICU knows: "utf-8", "gbk", "gb18030", "utf-16", "UTF-16LE",
// ...) as UTF-8, without a leading byte-order mark. Throws EncodingError for an invalid or
// truncated byte sequence, Error for an encoding name ICU does not know.
std::string toUtf8(std::string_view bytes, const std::string& encoding);

// Whether `text` is well-formed UTF-8 (no overlong forms, surrogates or code points past
// U+10FFFF). With `allowTruncatedEnd`, a character cut off at the very end is accepted: a
// sample taken from the start of a file may end in the middle of one.
bool isUtf8(std::string_view text, bool allowTruncatedEnd = false);

}  // namespace tiller::io
