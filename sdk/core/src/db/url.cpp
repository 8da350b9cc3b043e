#include <tiller/db/url.hpp>
#include <tiller/errors.hpp>

#include <cctype>

namespace tiller::db {
namespace {

constexpr std::string_view kAcceptedForms =
    "use sqlite:<path> or postgresql://user[:password]@host[:port]/dbname";

[[noreturn]] void refuse(std::string_view text, std::string_view why) {
    // The URL may hold a password; show only its scheme and what is wrong.
    std::string shown(text.substr(0, text.find("://") == std::string_view::npos
                                         ? std::min<std::size_t>(text.size(), 40)
                                         : text.find("://") + 3));
    throw DatabaseUnavailable("database URL '" + shown + (shown.size() < text.size() ? "..." : "") +
                              "' " + std::string(why) + ": " + std::string(kAcceptedForms));
}

std::string percentDecode(std::string_view in, std::string_view whole) {
    std::string out;
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] == '%') {
            if (i + 2 >= in.size() || !std::isxdigit(static_cast<unsigned char>(in[i + 1])) ||
                !std::isxdigit(static_cast<unsigned char>(in[i + 2])))
                refuse(whole, "has a broken %-escape");
            out += static_cast<char>(std::stoi(std::string(in.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else {
            out += in[i];
        }
    }
    return out;
}

std::string percentEncode(std::string_view in) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : in) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string quoteLibpq(const std::string& value) {
    std::string out = "'";
    for (char c : value) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

}  // namespace

std::string_view engineName(Engine engine) {
    return engine == Engine::sqlite ? "sqlite" : "postgresql";
}

DatabaseUrl DatabaseUrl::sqliteFile(const std::filesystem::path& path) {
    DatabaseUrl url;
    url.engine_ = Engine::sqlite;
    url.path_ = path;
    return url;
}

DatabaseUrl DatabaseUrl::parse(std::string_view text) {
    if (text.starts_with("sqlite:")) {
        std::string_view rest = text.substr(7);
        if (rest.starts_with("//")) rest.remove_prefix(2);  // sqlite:///abs/path
        if (rest.empty()) refuse(text, "names no file");
        return sqliteFile(std::filesystem::path(std::string(rest)));
    }
    std::string_view rest;
    if (text.starts_with("postgresql://"))
        rest = text.substr(13);
    else if (text.starts_with("postgres://"))
        rest = text.substr(11);
    else
        refuse(text, "is not supported");

    DatabaseUrl url;
    url.engine_ = Engine::postgresql;
    if (auto q = rest.find('?'); q != std::string_view::npos) {
        std::string_view query = rest.substr(q + 1);
        rest = rest.substr(0, q);
        while (!query.empty()) {
            auto amp = query.find('&');
            std::string_view pair = query.substr(0, amp);
            auto eq = pair.find('=');
            if (eq == std::string_view::npos || eq == 0) refuse(text, "has a malformed option");
            url.options_[percentDecode(pair.substr(0, eq), text)] =
                percentDecode(pair.substr(eq + 1), text);
            query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        }
    }
    auto slash = rest.find('/');
    if (slash == std::string_view::npos || slash + 1 >= rest.size())
        refuse(text, "names no database");
    url.database_ = percentDecode(rest.substr(slash + 1), text);
    std::string_view authority = rest.substr(0, slash);
    if (auto at = authority.rfind('@'); at != std::string_view::npos) {
        std::string_view userinfo = authority.substr(0, at);
        authority = authority.substr(at + 1);
        auto colon = userinfo.find(':');
        url.user_ = percentDecode(userinfo.substr(0, colon), text);
        if (colon != std::string_view::npos)
            url.password_ = percentDecode(userinfo.substr(colon + 1), text);
    }
    std::string_view hostPart = authority;
    std::size_t portColon = std::string_view::npos;
    if (authority.starts_with('[')) {  // [::1]:5432
        auto close = authority.find(']');
        if (close == std::string_view::npos) refuse(text, "has a bad host");
        hostPart = authority.substr(1, close - 1);
        if (close + 1 < authority.size()) {
            if (authority[close + 1] != ':') refuse(text, "has a bad host");
            portColon = close + 1;
        }
    } else {
        portColon = authority.rfind(':');
        hostPart = authority.substr(0, portColon);
    }
    if (portColon != std::string_view::npos) {
        std::string_view portText = authority.substr(portColon + 1);
        int port = 0;
        for (char c : portText) {
            if (!std::isdigit(static_cast<unsigned char>(c))) refuse(text, "has a bad port");
            port = port * 10 + (c - '0');
            if (port > 65535) refuse(text, "has a bad port");
        }
        if (port == 0) refuse(text, "has a bad port");
        url.port_ = port;
    }
    if (hostPart.empty()) refuse(text, "names no host");
    url.host_ = std::string(hostPart);
    return url;
}

DatabaseUrl DatabaseUrl::withDatabase(std::string name) const {
    DatabaseUrl copy = *this;
    copy.database_ = std::move(name);
    return copy;
}

DatabaseUrl DatabaseUrl::withPassword(std::string password) const {
    DatabaseUrl copy = *this;
    copy.password_ = std::move(password);
    return copy;
}

std::string DatabaseUrl::libpqConnectionString() const {
    std::string s = "host=" + quoteLibpq(host_) + " port=" + std::to_string(port_) +
                    " dbname=" + quoteLibpq(database_);
    if (!user_.empty()) s += " user=" + quoteLibpq(user_);
    if (!password_.empty()) s += " password=" + quoteLibpq(password_);
    for (const auto& [key, value] : options_) s += " " + key + "=" + quoteLibpq(value);
    return s;
}

namespace {
std::string render(const DatabaseUrl& url, bool showPassword) {
    if (url.engine() == Engine::sqlite) return "sqlite:" + url.path().string();
    std::string s = "postgresql://";
    if (!url.user().empty()) {
        s += percentEncode(url.user());
        if (!url.password().empty()) s += ":" + (showPassword ? percentEncode(url.password()) : "***");
        s += "@";
    }
    s += url.host().find(':') != std::string::npos ? "[" + url.host() + "]" : url.host();
    s += ":" + std::to_string(url.port()) + "/" + percentEncode(url.database());
    char sep = '?';
    for (const auto& [key, value] : url.options()) {
        s += sep + percentEncode(key) + "=" + percentEncode(value);
        sep = '&';
    }
    return s;
}
}  // namespace

std::string DatabaseUrl::redacted() const { return render(*this, false); }
std::string DatabaseUrl::text() const { return render(*this, true); }

}  // namespace tiller::db
