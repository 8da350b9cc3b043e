// The typed errors of Tiller. Every layer throws one of these, so the GUI and the CLI can turn
// them into one clear sentence for a shopkeeper without knowing which library failed.
#pragma once

#include <stdexcept>
#include <string>

namespace tiller {

// Base of every error Tiller reports to a person; what() is a complete, readable sentence.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The database cannot be reached or used: wrong URL, server down, file locked or read-only,
// connection lost. The message names the database with its password hidden.
class DatabaseUnavailable : public Error {
public:
    using Error::Error;
};

// The PostgreSQL server wants a password that was not given (or was wrong).
class DatabasePasswordNeeded : public DatabaseUnavailable {
public:
    using DatabaseUnavailable::DatabaseUnavailable;
};

// Any other failure reported by the database engine.
class DatabaseError : public Error {
public:
    using Error::Error;
};

// A save based on a stale version of a record; the newer data is kept.
class Conflict : public Error {
public:
    using Error::Error;
};

class NotFound : public Error {
public:
    using Error::Error;
};

// A value a person entered is not acceptable; names the field and the reason.
class ValidationError : public Error {
public:
    ValidationError(std::string field, std::string reason)
        : Error(field + ": " + reason), field_(std::move(field)), reason_(std::move(reason)) {}
    const std::string& field() const { return field_; }
    const std::string& reason() const { return reason_; }

private:
    std::string field_;
    std::string reason_;
};

// The signed-in person may not do this (a missing permission, or a record outside their scope).
class PermissionDenied : public Error {
public:
    using Error::Error;
};

// Signing in did not work: unknown login, wrong password, disabled or locked account.
class SignInRefused : public Error {
public:
    using Error::Error;
};

// A configuration or manifest file that cannot be used; says file, line and key.
class ConfigError : public Error {
public:
    ConfigError(std::string file, int line, std::string key, const std::string& reason)
        : Error(format(file, line, key, reason)),
          file_(std::move(file)),
          line_(line),
          key_(std::move(key)) {}
    const std::string& file() const { return file_; }
    int line() const { return line_; }  // 1-based; 0 when the problem is the whole file
    const std::string& key() const { return key_; }

private:
    static std::string format(const std::string& file, int line, const std::string& key,
                              const std::string& reason) {
        std::string where = file;
        if (line > 0) where += ":" + std::to_string(line);
        if (!key.empty()) where += ": key '" + key + "'";
        return where + ": " + reason;
    }
    std::string file_;
    int line_;
    std::string key_;
};

// A migration cannot be applied, or one that was applied has been changed since.
class MigrationError : public Error {
public:
    using Error::Error;
};

// A backup cannot be made, or a file cannot be restored (not a Tiller backup, damaged, ...).
class BackupError : public Error {
public:
    using Error::Error;
};

}  // namespace tiller
