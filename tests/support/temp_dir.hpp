// A fresh folder for one test, removed afterwards. Readable by everyone so a test can run a
// program with fewer rights inside it.
#pragma once

#include <filesystem>

namespace tiller::test {

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::filesystem::path& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

// Writes `text` to `file` and returns the file.
std::filesystem::path writeFile(const std::filesystem::path& file, const std::string& text);
std::string readFile(const std::filesystem::path& file);

}  // namespace tiller::test
