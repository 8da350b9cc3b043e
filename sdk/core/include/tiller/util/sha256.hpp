// SHA-256 as lowercase hex (libsodium), used for migration checksums.
#pragma once

#include <string>
#include <string_view>

namespace tiller::util {
std::string sha256Hex(std::string_view bytes);
}
