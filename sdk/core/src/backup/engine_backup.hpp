// The engine-specific halves of backup.cpp.
#pragma once

#include <tiller/backup/backup.hpp>

namespace tiller::backup::detail {

BackupResult backupSqlite(const db::DatabaseUrl& url, const std::filesystem::path& file);
RestoreResult restoreSqlite(const db::DatabaseUrl& url, const std::filesystem::path& file,
                            const std::vector<migrations::Migration>& known);
BackupResult backupPostgres(const db::DatabaseUrl& url, const std::filesystem::path& file);
RestoreResult restorePostgres(const db::DatabaseUrl& url, const std::filesystem::path& file,
                              const std::vector<migrations::Migration>& known);

}  // namespace tiller::backup::detail
