// Settings kept in the company database, so every PC of the office sees the same values.
// Each owner (a plugin id or "core") has its own keys.
#pragma once

#include <tiller/db/database.hpp>

#include <optional>
#include <string>

namespace tiller {

class SettingsStore {
public:
    SettingsStore(db::Database& database, std::string owner)
        : database_(database), owner_(std::move(owner)) {}
    std::optional<std::string> get(const std::string& key) const;
    std::string get(const std::string& key, const std::string& fallback) const {
        return get(key).value_or(fallback);
    }
    void set(const std::string& key, const std::string& value);

private:
    db::Database& database_;
    std::string owner_;
};

}  // namespace tiller
