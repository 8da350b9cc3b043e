#include <tiller/errors.hpp>
#include <tiller/mail/mail.hpp>

#include <sodium.h>

#include <ctime>
#include <random>

namespace tiller::mail {
namespace {

std::string base64(std::string_view bytes) {
    std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1);  // the terminating NUL
    return out;
}

std::string rfc2822Date(long long nowMs) {
    std::time_t seconds = static_cast<std::time_t>(nowMs / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char text[64];
    std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[utc.tm_wday], utc.tm_mday,
                  months[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
    return text;
}

// Header lines must not carry line breaks a sender could use to add headers of their own.
std::string headerSafe(const std::string& text) {
    std::string out;
    for (char c : text) out += (c == '\r' || c == '\n') ? ' ' : c;
    return out;
}

}  // namespace

std::string renderMime(const Message& message, const std::string& from, long long nowMs) {
    std::string to;
    for (const auto& r : message.to) to += (to.empty() ? "" : ", ") + headerSafe(r);
    std::string mime;
    mime += "From: " + headerSafe(from) + "\r\n";
    mime += "To: " + to + "\r\n";
    mime += "Subject: =?UTF-8?B?" + base64(headerSafe(message.subject)) + "?=\r\n";
    mime += "Date: " + rfc2822Date(nowMs) + "\r\n";
    std::random_device random;
    mime += "Message-ID: <" + std::to_string(nowMs) + "." + std::to_string(random()) + "@tiller>\r\n";
    mime += "MIME-Version: 1.0\r\n";
    mime += "Content-Type: text/plain; charset=UTF-8\r\n";
    mime += "Content-Transfer-Encoding: base64\r\n\r\n";
    std::string body = base64(message.body);
    for (std::size_t i = 0; i < body.size(); i += 76) mime += body.substr(i, 76) + "\r\n";
    return mime;
}

}  // namespace tiller::mail
