// Passwords are kept only as Argon2id hashes (libsodium's crypto_pwhash_str), never in clear,
// never logged.
#pragma once

#include <string>
#include <string_view>

namespace tiller::identity {

// Throws ValidationError("password", ...) for a password that is too short.
std::string hashPassword(std::string_view password);
bool verifyPassword(const std::string& hash, std::string_view password);

}  // namespace tiller::identity
