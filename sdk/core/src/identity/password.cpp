#include <tiller/errors.hpp>
#include <tiller/identity/password.hpp>

#include <sodium.h>

#include <stdexcept>

namespace tiller::identity {

std::string hashPassword(std::string_view password) {
    if (password.size() < 8) throw ValidationError("password", "must be at least 8 characters");
    if (sodium_init() < 0) throw Error("the password library cannot start");
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw Error("not enough memory to hash the password");
    return hash;
}

bool verifyPassword(const std::string& hash, std::string_view password) {
    if (hash.empty() || sodium_init() < 0) return false;
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

}  // namespace tiller::identity
