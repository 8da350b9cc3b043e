#include "backup_check.hpp"

#include <tiller/errors.hpp>

#include <algorithm>
#include <cstring>
#include <fstream>

namespace tiller::backup::detail {

FileKind sniff(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw BackupError("cannot read " + file.string());
    char head[16] = {};
    in.read(head, sizeof head);
    if (in.gcount() == 16 && std::memcmp(head, "SQLite format 3\0", 16) == 0) return FileKind::sqlite;
    if (in.gcount() >= 5 && std::memcmp(head, "PGDMP", 5) == 0) return FileKind::pgDump;
    return FileKind::other;
}

int checkMigrations(const std::filesystem::path& file,
                    const std::vector<std::pair<std::string, int>>& recorded,
                    const std::vector<migrations::Migration>& known) {
    for (const auto& [owner, number] : recorded) {
        bool ownerKnown = std::any_of(known.begin(), known.end(),
                                      [&](const auto& m) { return m.owner == owner; });
        bool migrationKnown = std::any_of(known.begin(), known.end(), [&](const auto& m) {
            return m.owner == owner && m.number == number;
        });
        if (ownerKnown && !migrationKnown)
            throw BackupError(file.string() + " was made by a newer version of Tiller (it has "
                              "migration " + owner + "/" + std::to_string(number) +
                              "); restore it with that version. Nothing was changed");
    }
    return static_cast<int>(recorded.size());
}

double millisecondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

}  // namespace tiller::backup::detail
