#include "core/text_lines.hpp"

#include "core/import_text.hpp"

#include <tiller/i18n/catalogs.hpp>
#include <tiller/io/encoding.hpp>

#include <algorithm>
#include <cstring>

namespace contacts {
namespace {

constexpr std::size_t kChunk = 1 << 20;  // bytes read at a time

std::string megabytes(std::size_t bytes) {
    return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MB";
}

std::string hex(unsigned char c) {
    static const char* digits = "0123456789ABCDEF";
    return std::string("0x") + digits[c >> 4] + digits[c & 15];
}

bool startsWith(const std::string& s, std::string_view prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

std::string lowerAscii(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

}  // namespace

BadImportFile::BadImportFile(const std::filesystem::path& file, long long line, const std::string& reason)
    : tiller::Error(line > 0 ? say(N_("{1}, line {2}: {3}"), {file.filename().string(), std::to_string(line), reason})
                             : say(N_("{1}: {2}"), {file.filename().string(), reason})),
      line_(line) {}

std::string binaryKind(const std::string& sample) {
    if (startsWith(sample, "PK\x03\x04") || startsWith(sample, "PK\x05\x06")) return say(N_("a zip archive (an Excel .xlsx workbook?)"));
    if (startsWith(sample, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return say(N_("an Excel 97-2003 workbook (.xls); save it as .xlsx or CSV"));
    if (startsWith(sample, "%PDF")) return say(N_("a PDF document"));
    if (startsWith(sample, "\x89PNG") || startsWith(sample, "\xFF\xD8\xFF") || startsWith(sample, "GIF8")) return say(N_("a picture"));
    if (startsWith(sample, "\x1F\x8B") || startsWith(sample, "7z\xBC\xAF") || startsWith(sample, "Rar!")) return say(N_("a compressed archive"));
    if (startsWith(sample, "\x7F" "ELF") || startsWith(sample, "MZ")) return say(N_("a program"));
    if (startsWith(sample, "SQLite format 3")) return say(N_("a database file"));
    return {};
}

std::string chooseEncoding(const std::filesystem::path& file, const std::string& sample, const std::string& forced) {
    if (auto kind = binaryKind(sample); !kind.empty()) throw BadImportFile(file, 0, say(N_("this is {1}, not a text file"), {kind}));
    std::string wanted = lowerAscii(forced);
    std::string encoding;
    if (wanted.empty() || wanted == "auto") {
        encoding = tiller::io::detectEncoding(sample);
    } else if (wanted == "utf-8" || wanted == "utf8") {
        encoding = "UTF-8";
    } else if (wanted == "gbk" || wanted == "gb2312" || wanted == "cp936") {
        encoding = "GBK";
    } else if (wanted == "gb18030") {
        encoding = "GB18030";
    } else if (wanted == "utf-16" || wanted == "utf16") {
        auto detected = tiller::io::detectEncoding(sample);
        encoding = detected.rfind("UTF-16", 0) == 0 ? detected : "UTF-16LE";  // Windows writes little-endian
    } else {
        encoding = forced;
    }
    if (encoding.rfind("UTF-16", 0) != 0)
        if (auto nul = sample.find('\0'); nul != std::string::npos)
            throw BadImportFile(file, 0, say(N_("holds binary data (a NUL byte at byte {1}), not text; is it the right file?"),
                                             {std::to_string(nul)}));
    return encoding;
}

TextLines::TextLines(const std::filesystem::path& file, const std::string& encoding, std::size_t maxLineBytes)
    : file_(file), in_(std::fopen(file.c_str(), "rb"), &std::fclose), maxLineBytes_(maxLineBytes) {
    if (!in_) throw BadImportFile(file, 0, say(N_("cannot open the file (no such file, or not permitted)")));
    std::error_code ignored;
    size_ = std::filesystem::file_size(file, ignored);
    std::string sample(tiller::io::kEncodingSampleBytes, '\0');
    sample.resize(std::fread(sample.data(), 1, sample.size(), in_.get()));
    encoding_ = chooseEncoding(file, sample, encoding);
    raw_ = std::move(sample);
    bytesRead_ = raw_.size();
    eof_ = raw_.size() < tiller::io::kEncodingSampleBytes;
}

TextLines::~TextLines() = default;

void TextLines::fail(long long line, const std::string& reason) const { throw BadImportFile(file_, line, reason); }

bool TextLines::fill() {
    const bool utf16le = encoding_ == "UTF-16LE", utf16be = encoding_ == "UTF-16BE";
    const std::size_t maxRaw = (utf16le || utf16be ? 2 : 1) * maxLineBytes_ + kChunk;
    auto readMore = [&] {
        std::size_t had = raw_.size();
        raw_.resize(had + kChunk);
        std::size_t got = std::fread(raw_.data() + had, 1, kChunk, in_.get());
        raw_.resize(had + got);
        bytesRead_ += got;
        if (got == 0) {
            if (std::ferror(in_.get())) fail(0, say(N_("cannot read the file")));
            eof_ = true;
        }
    };
    // Index just past the last line break in raw_, 0 when there is none.
    auto lastBreak = [&]() -> std::size_t {
        if (utf16le || utf16be) {
            if (raw_.size() < 2) return 0;
            for (std::size_t i = (raw_.size() - 2) & ~std::size_t{1};; i -= 2) {
                if (utf16le ? (raw_[i] == '\n' && raw_[i + 1] == '\0') : (raw_[i] == '\0' && raw_[i + 1] == '\n')) return i + 2;
                if (i == 0) return 0;
            }
        }
        auto at = raw_.rfind('\n');
        return at == std::string::npos ? 0 : at + 1;
    };
    for (;;) {
        if (!eof_ && raw_.size() < kChunk) readMore();
        std::size_t cut = eof_ ? raw_.size() : lastBreak();
        if (cut == 0) {
            if (eof_) return false;
            if (raw_.size() > maxRaw)
                fail(decodedLines_ + 1, say(N_("the line is longer than {1}; this is not a list of customers (binary data, or the line breaks are lost)"),
                                            {megabytes(maxLineBytes_)}));
            readMore();
            continue;
        }
        std::string_view piece(raw_.data(), cut);
        text_.erase(0, textAt_);
        textAt_ = 0;
        if (encoding_ == "UTF-8") {
            if (!started_ && piece.substr(0, 3) == "\xEF\xBB\xBF") piece.remove_prefix(3);
            if (!tiller::io::isUtf8(piece)) {
                // Which line: the first that is not UTF-8 by itself.
                long long line = decodedLines_;
                std::size_t start = 0;
                while (start < piece.size()) {
                    auto end = piece.find('\n', start);
                    if (end == std::string_view::npos) end = piece.size();
                    ++line;
                    if (!tiller::io::isUtf8(piece.substr(start, end - start))) break;
                    start = end + 1;
                }
                fail(line, say(N_("the text is not valid UTF-8 here; choose the file's encoding (auto, utf-8, gbk, gb18030, utf-16)")));
            }
            text_.append(piece);
        } else {
            try {
                text_ += tiller::io::toUtf8(piece, encoding_);
            } catch (const tiller::io::EncodingError& e) {
                fail(decodedLines_ + e.line(), say(N_("the text is not valid {1} here; choose the file's encoding (auto, utf-8, gbk, gb18030, utf-16)"),
                                                   {encoding_}));
            } catch (const tiller::Error& e) {
                fail(0, e.what());
            }
        }
        started_ = true;
        decodedLines_ += static_cast<long long>(std::count(text_.begin(), text_.end(), '\n'));
        raw_.erase(0, cut);
        return true;
    }
}

bool TextLines::next(std::string& line) {
    for (;;) {
        if (textAt_ < text_.size()) {
            const char* begin = text_.data() + textAt_;
            const void* found = std::memchr(begin, '\n', text_.size() - textAt_);
            if (found || (eof_ && raw_.empty())) {
                std::size_t length = found ? static_cast<std::size_t>(static_cast<const char*>(found) - begin) : text_.size() - textAt_;
                line.assign(begin, length);
                textAt_ += length + (found ? 1 : 0);
                if (!line.empty() && line.back() == '\r') line.pop_back();
                ++line_;
                if (line.size() > maxLineBytes_)
                    fail(line_, say(N_("the line is longer than {1}; this is not a list of customers (binary data, or the line breaks are lost)"),
                                    {megabytes(maxLineBytes_)}));
                for (unsigned char c : line)
                    if (c < 0x20 && c != '\t' && c != '\r' && c != 0x0B && c != 0x0C)
                        fail(line_, say(N_("holds binary data (byte {1}); this is not a text file"), {hex(c)}));
                return true;
            }
        }
        // The text left has no line break yet: it is the start of a line the next piece ends.
        if (!fill()) {
            if (textAt_ < text_.size()) continue;  // a last line without a line break
            return false;
        }
    }
}

}  // namespace contacts
