#include <tiller/migrations/migration.hpp>
#include <tiller/util/sha256.hpp>

namespace tiller::migrations {

std::string Migration::checksum() const {
    std::string normalised;
    normalised.reserve(sql.size());
    for (char c : sql)
        if (c != '\r') normalised += c;
    return util::sha256Hex(normalised);
}

}  // namespace tiller::migrations
