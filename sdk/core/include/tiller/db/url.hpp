// Which database a program talks to, from one URL: `sqlite:<path>` or
// `postgresql://user[:password]@host[:port]/dbname[?key=value&...]`.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace tiller::db {

enum class Engine { sqlite, postgresql };

std::string_view engineName(Engine engine);

class DatabaseUrl {
public:
    // Throws tiller::DatabaseUnavailable with the accepted forms when `text` is not one of them.
    static DatabaseUrl parse(std::string_view text);
    static DatabaseUrl sqliteFile(const std::filesystem::path& path);

    Engine engine() const { return engine_; }

    // SQLite
    const std::filesystem::path& path() const { return path_; }

    // PostgreSQL
    const std::string& user() const { return user_; }
    const std::string& password() const { return password_; }
    const std::string& host() const { return host_; }
    int port() const { return port_; }
    const std::string& database() const { return database_; }
    const std::map<std::string, std::string>& options() const { return options_; }
    // The same server and credentials, another database (for CREATE/DROP DATABASE and tests).
    DatabaseUrl withDatabase(std::string name) const;
    DatabaseUrl withPassword(std::string password) const;
    // libpq's keyword=value connection string, values quoted.
    std::string libpqConnectionString() const;

    // For messages and logs: the password is replaced by `***`.
    std::string redacted() const;
    // The full URL, password included; only for handing to another program.
    std::string text() const;

private:
    Engine engine_ = Engine::sqlite;
    std::filesystem::path path_;
    std::string user_, password_, host_, database_;
    int port_ = 5432;
    std::map<std::string, std::string> options_;
};

}  // namespace tiller::db
