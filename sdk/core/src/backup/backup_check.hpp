// What restore checks in a backup before it replaces anything; shared by both engines.
#pragma once

#include <tiller/migrations/migration.hpp>

#include <chrono>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace tiller::backup::detail {

enum class FileKind { sqlite, pgDump, other };
FileKind sniff(const std::filesystem::path& file);

// Throws BackupError when the backup holds a migration of a known owner that this program
// does not ship (it was made by a newer Tiller). Returns how many migrations it records.
int checkMigrations(const std::filesystem::path& file,
                    const std::vector<std::pair<std::string, int>>& recorded,
                    const std::vector<migrations::Migration>& known);

double millisecondsSince(std::chrono::steady_clock::time_point start);

}  // namespace tiller::backup::detail
