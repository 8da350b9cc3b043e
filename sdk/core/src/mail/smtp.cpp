// SMTP through libcurl, and the settings it needs.
#include <tiller/mail/mail.hpp>
#include <tiller/settings_store.hpp>

#include <curl/curl.h>

#include <cstring>
#include <regex>

namespace tiller::mail {
namespace {

struct Upload {
    std::string data;
    std::size_t sent = 0;
};

std::size_t readChunk(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto* upload = static_cast<Upload*>(user);
    std::size_t room = size * count;
    std::size_t n = std::min(room, upload->data.size() - upload->sent);
    std::memcpy(buffer, upload->data.data() + upload->sent, n);
    upload->sent += n;
    return n;
}

void checkAddress(const std::string& address, const std::string& field) {
    static const std::regex form(R"([^@\s<>,;"]+@[^@\s<>,;"]+\.[^@\s<>,;"]+)");
    if (!std::regex_match(address, form)) throw ValidationError(field, "'" + address + "' is not an email address");
}

}  // namespace

std::optional<Security> parseSecurity(const std::string& text) {
    if (text == "none") return Security::none;
    if (text == "starttls") return Security::starttls;
    if (text == "tls") return Security::tls;
    return std::nullopt;
}

std::string securityName(Security security) {
    switch (security) {
        case Security::none: return "none";
        case Security::starttls: return "starttls";
        case Security::tls: return "tls";
    }
    return "none";
}

SmtpSettings loadSettings(db::Database& database) {
    SettingsStore store(database, "mail");
    SmtpSettings s;
    s.host = store.get("host", "");
    s.port = std::stoi(store.get("port", "25"));
    s.security = parseSecurity(store.get("security", "none")).value_or(Security::none);
    s.user = store.get("user", "");
    s.password = store.get("password", "");
    s.from = store.get("from", "");
    return s;
}

void saveSettings(db::Database& database, const SmtpSettings& s) {
    if (s.host.empty()) throw ValidationError("host", "name the mail server");
    if (s.port <= 0 || s.port > 65535) throw ValidationError("port", "must be between 1 and 65535");
    checkAddress(s.from, "from");
    SettingsStore store(database, "mail");
    store.set("host", s.host);
    store.set("port", std::to_string(s.port));
    store.set("security", securityName(s.security));
    store.set("user", s.user);
    store.set("password", s.password);
    store.set("from", s.from);
}

void send(const SmtpSettings& settings, const Message& message, long long nowMs) {
    if (settings.host.empty()) throw MailUnavailable("no mail server is set up (Settings > Email)");
    checkAddress(settings.from, "from");
    if (message.to.empty()) throw ValidationError("to", "give at least one recipient");
    for (const auto& r : message.to) checkAddress(r, "to");

    static const bool initialised = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
    (void)initialised;
    CURL* curl = curl_easy_init();
    if (!curl) throw MailUnavailable("cannot start the mail client");
    Upload upload{renderMime(message, settings.from, nowMs)};
    curl_slist* recipients = nullptr;
    for (const auto& r : message.to) recipients = curl_slist_append(recipients, ("<" + r + ">").c_str());
    std::string url = std::string(settings.security == Security::tls ? "smtps://" : "smtp://") + settings.host +
                      ":" + std::to_string(settings.port);
    std::string from = "<" + settings.from + ">";
    char error[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, readChunk);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(settings.timeoutMs));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, 5000L);
    curl_easy_setopt(curl, CURLOPT_NOPROXY, "*");
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    if (settings.security == Security::starttls) curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    if (!settings.user.empty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, settings.user.c_str());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, settings.password.c_str());
    }
    CURLcode rc = curl_easy_perform(curl);
    long response = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);
    if (rc == CURLE_OK) return;
    std::string why = std::string(error[0] ? error : curl_easy_strerror(rc));
    std::string where = settings.host + ":" + std::to_string(settings.port);
    // A 5xx answer is a refusal; anything else (no connection, time-out, 4xx) may pass later.
    if (response >= 500 || rc == CURLE_LOGIN_DENIED)
        throw MailRefused("the mail server " + where + " refused the message: " + why + " (" + std::to_string(response) + ")");
    throw MailUnavailable("cannot deliver through " + where + ": " + why);
}

}  // namespace tiller::mail
