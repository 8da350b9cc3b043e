// A numbered schema change owned by `core` or by one plugin, written in portable SQL
// (see tiller/db/dialect.hpp).
#pragma once

#include <string>
#include <vector>

namespace tiller::migrations {

struct Migration {
    std::string owner;  // "core" or a plugin id
    int number = 0;     // 1, 2, 3 ... within the owner
    std::string name;   // short label, e.g. "create_meta"
    std::string sql;    // portable SQL, one or more statements

    // SHA-256 (hex) of the text with line endings normalised, so a checkout on Windows matches.
    std::string checksum() const;
    std::string label() const { return owner + "/" + std::to_string(number) + " '" + name + "'"; }
};

}  // namespace tiller::migrations
