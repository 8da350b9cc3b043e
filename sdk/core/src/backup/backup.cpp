#include <tiller/backup/backup.hpp>

#include "backup_check.hpp"
#include "engine_backup.hpp"

#include <tiller/errors.hpp>
#include <tiller/log/log.hpp>

namespace tiller::backup {

BackupResult backup(const db::DatabaseUrl& url, const std::filesystem::path& file) {
    auto folder = file.parent_path();
    if (!folder.empty() && !std::filesystem::is_directory(folder))
        throw BackupError("cannot write " + file.string() + ": the folder does not exist");
    auto result = url.engine() == db::Engine::sqlite ? detail::backupSqlite(url, file)
                                                     : detail::backupPostgres(url, file);
    log::info("backed up " + url.redacted() + " to " + file.string());
    return result;
}

RestoreResult restore(const db::DatabaseUrl& url, const std::filesystem::path& file,
                      const std::vector<migrations::Migration>& known) {
    if (!std::filesystem::is_regular_file(file))
        throw BackupError(file.string() + " does not exist or is not a file");
    auto kind = detail::sniff(file);
    if (kind == detail::FileKind::other)
        throw BackupError(file.string() + " is not a Tiller backup; nothing was changed");
    if (url.engine() == db::Engine::sqlite && kind == detail::FileKind::pgDump)
        throw BackupError(file.string() + " is a PostgreSQL backup; restore it into a "
                          "postgresql:// database. Nothing was changed");
    if (url.engine() == db::Engine::postgresql && kind == detail::FileKind::sqlite)
        throw BackupError(file.string() + " is a SQLite backup; restore it into a sqlite: "
                          "database. Nothing was changed");
    auto result = url.engine() == db::Engine::sqlite ? detail::restoreSqlite(url, file, known)
                                                     : detail::restorePostgres(url, file, known);
    log::info("restored " + url.redacted() + " from " + file.string());
    return result;
}

}  // namespace tiller::backup
