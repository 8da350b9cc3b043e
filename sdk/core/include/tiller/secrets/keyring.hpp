// Database passwords kept in the desktop keyring (the Secret Service: GNOME Keyring, KWallet)
// through libsecret, looked up by the database's URL. Never written to tiller.yaml or a log.
#pragma once

#include <tiller/db/url.hpp>

#include <optional>
#include <string>

namespace tiller::secrets {

// Throws Error when no keyring is running or it refuses.
void storeDatabasePassword(const db::DatabaseUrl& url, const std::string& password);
// nullopt when none is stored or no keyring is running.
std::optional<std::string> databasePassword(const db::DatabaseUrl& url);
void forgetDatabasePassword(const db::DatabaseUrl& url);

// Any other password a plugin keeps (a SIP account's: kind "sip", key "8001@pbx.example"),
// under the same rules: Error when the keyring refuses to store, nullopt when there is none.
void storeSecret(const std::string& kind, const std::string& key, const std::string& secret);
std::optional<std::string> secret(const std::string& kind, const std::string& key);
void forgetSecret(const std::string& kind, const std::string& key);

}  // namespace tiller::secrets
