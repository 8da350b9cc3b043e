#include <tiller/errors.hpp>
#include <tiller/secrets/keyring.hpp>

#include <libsecret/secret.h>

#include <cstdlib>

namespace tiller::secrets {
namespace {

const SecretSchema* schema() {
    static const SecretSchema s = {"org.tiller.DatabasePassword",
                                   SECRET_SCHEMA_NONE,
                                   {{"url", SECRET_SCHEMA_ATTRIBUTE_STRING}, {nullptr, SECRET_SCHEMA_ATTRIBUTE_STRING}},
                                   0, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr};
    return &s;
}

const SecretSchema* pluginSchema() {
    static const SecretSchema s = {"org.tiller.Secret",
                                   SECRET_SCHEMA_NONE,
                                   {{"kind", SECRET_SCHEMA_ATTRIBUTE_STRING},
                                    {"key", SECRET_SCHEMA_ATTRIBUTE_STRING},
                                    {nullptr, SECRET_SCHEMA_ATTRIBUTE_STRING}},
                                   0, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr};
    return &s;
}

bool sessionBus() {
    // No session bus, no keyring: do not let libsecret try to start one.
    const char* bus = std::getenv("DBUS_SESSION_BUS_ADDRESS");
    return bus && *bus;
}

// The key: the URL without its password.
std::string key(const db::DatabaseUrl& url) { return url.withPassword("").text(); }

std::string takeMessage(GError* error) {
    std::string message = error ? error->message : "unknown error";
    if (error) g_error_free(error);
    return message;
}

}  // namespace

void storeDatabasePassword(const db::DatabaseUrl& url, const std::string& password) {
    GError* error = nullptr;
    std::string label = "Tiller database " + key(url);
    gboolean ok = secret_password_store_sync(schema(), SECRET_COLLECTION_DEFAULT, label.c_str(), password.c_str(),
                                             nullptr, &error, "url", key(url).c_str(), nullptr);
    if (!ok) throw Error("the desktop keyring did not keep the password: " + takeMessage(error));
}

std::optional<std::string> databasePassword(const db::DatabaseUrl& url) {
    if (!sessionBus()) return std::nullopt;
    GError* error = nullptr;
    gchar* found = secret_password_lookup_sync(schema(), nullptr, &error, "url", key(url).c_str(), nullptr);
    if (error) g_error_free(error);
    if (!found) return std::nullopt;
    std::string password(found);
    secret_password_free(found);
    return password;
}

void forgetDatabasePassword(const db::DatabaseUrl& url) {
    GError* error = nullptr;
    secret_password_clear_sync(schema(), nullptr, &error, "url", key(url).c_str(), nullptr);
    if (error) g_error_free(error);
}

void storeSecret(const std::string& kind, const std::string& key, const std::string& secret) {
    GError* error = nullptr;
    std::string label = "Tiller " + kind + " " + key;
    gboolean ok = secret_password_store_sync(pluginSchema(), SECRET_COLLECTION_DEFAULT, label.c_str(), secret.c_str(), nullptr,
                                             &error, "kind", kind.c_str(), "key", key.c_str(), nullptr);
    if (!ok) throw Error("the desktop keyring did not keep the password: " + takeMessage(error));
}

std::optional<std::string> secret(const std::string& kind, const std::string& key) {
    if (!sessionBus()) return std::nullopt;
    GError* error = nullptr;
    gchar* found = secret_password_lookup_sync(pluginSchema(), nullptr, &error, "kind", kind.c_str(), "key", key.c_str(), nullptr);
    if (error) g_error_free(error);
    if (!found) return std::nullopt;
    std::string value(found);
    secret_password_free(found);
    return value;
}

void forgetSecret(const std::string& kind, const std::string& key) {
    GError* error = nullptr;
    secret_password_clear_sync(pluginSchema(), nullptr, &error, "kind", kind.c_str(), "key", key.c_str(), nullptr);
    if (error) g_error_free(error);
}

}  // namespace tiller::secrets
