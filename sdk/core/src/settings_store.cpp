#include <tiller/settings_store.hpp>

#include <chrono>

namespace tiller {

std::optional<std::string> SettingsStore::get(const std::string& key) const {
    return database_.withSession([&](soci::session& s) -> std::optional<std::string> {
        std::string value;
        soci::indicator ind = soci::i_null;
        s << "SELECT value FROM core_setting WHERE owner = :owner AND key = :key", soci::use(owner_),
            soci::use(key), soci::into(value, ind);
        if (!s.got_data() || ind != soci::i_ok) return std::nullopt;
        return value;
    });
}

void SettingsStore::set(const std::string& key, const std::string& value) {
    long long now = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
    database_.withSession([&](soci::session& s) {
        // Both engines understand this upsert (SQLite >= 3.24).
        s << "INSERT INTO core_setting (owner, key, value, updated_at) VALUES (:o, :k, :v, :t) "
             "ON CONFLICT (owner, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            soci::use(owner_), soci::use(key), soci::use(value), soci::use(now);
    });
}

}  // namespace tiller
