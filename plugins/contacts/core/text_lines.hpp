// The lines of a text file a person brings to import, as UTF-8 whatever its encoding (UTF-8 with
// or without a byte-order mark, GBK/GB18030 as Chinese Excel saves it, UTF-16), read a piece at
// a time so a file of any size costs little memory. What cannot be a text file stops the reading
// with the file and the line named: binary data, a line longer than the limit (a 2 GB "line"
// is never held in memory), bytes that are not in the file's encoding.
#pragma once

#include <tiller/errors.hpp>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

namespace contacts {

// A file that cannot be imported at all; nothing has been written when it is thrown.
// what() names the file (and the line when there is one).
class BadImportFile : public tiller::Error {
public:
    BadImportFile(const std::filesystem::path& file, long long line, const std::string& reason);
    long long line() const { return line_; }  // 0 when the problem is the whole file

private:
    long long line_;
};

// The encoding of a file from its first bytes, after refusing files that are not text at all
// (zip, PDF, images, NUL bytes ...). `forced`: "auto" or "" to detect, else utf-8, gbk,
// gb18030, utf-16 or any name ICU knows.
std::string chooseEncoding(const std::filesystem::path& file, const std::string& sample, const std::string& forced);

// What a file's first bytes say it is when it is not text: "a zip archive (an Excel .xlsx
// workbook?)", "an Excel 97-2003 workbook (.xls)", "a PDF document" ...; "" for anything else.
std::string binaryKind(const std::string& sample);

class TextLines {
public:
    // Throws BadImportFile when the file cannot be opened, is binary or has no known encoding.
    TextLines(const std::filesystem::path& file, const std::string& encoding, std::size_t maxLineBytes);
    ~TextLines();
    TextLines(const TextLines&) = delete;
    TextLines& operator=(const TextLines&) = delete;

    const std::string& encoding() const { return encoding_; }  // "UTF-8", "GB18030", "UTF-16LE" ...
    // The next line without its line break; false at the end of the file.
    bool next(std::string& line);
    long long lineNumber() const { return line_; }  // of the line last returned, 1-based
    std::uint64_t bytesRead() const { return bytesRead_; }
    std::uint64_t size() const { return size_; }

private:
    bool fill();  // decodes the next piece of the file into text_; false at the end
    [[noreturn]] void fail(long long line, const std::string& reason) const;

    std::filesystem::path file_;
    std::unique_ptr<FILE, int (*)(FILE*)> in_;
    std::string encoding_;
    std::size_t maxLineBytes_;
    std::string raw_;    // bytes read and not decoded yet (an incomplete line)
    std::string text_;   // decoded UTF-8 not handed out yet
    std::size_t textAt_ = 0;
    bool eof_ = false, started_ = false;
    long long line_ = 0, decodedLines_ = 0;
    std::uint64_t bytesRead_ = 0, size_ = 0;
};

}  // namespace contacts
