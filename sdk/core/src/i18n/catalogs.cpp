#include <tiller/i18n/catalogs.hpp>

#include <boost/locale/generator.hpp>
#include <boost/locale/message.hpp>

#include <cstdlib>
#include <mutex>
#include <optional>
#include <set>
#include <vector>

namespace tiller::i18n {
namespace {

struct State {
    std::mutex mutex;
    std::string language;  // "" = English
    std::set<std::string> folders;
    std::set<std::string> domains;
    std::optional<std::locale> locale;  // rebuilt after a change
};

State& state() {
    static State s;
    return s;
}

const std::locale& currentLocale(State& s) {
    if (!s.locale) {
        boost::locale::generator generator;
        for (const auto& f : s.folders) generator.add_messages_path(f);
        for (const auto& d : s.domains) generator.add_messages_domain(d);
        generator.set_default_messages_domain("tiller");
        s.locale = generator(s.language + ".UTF-8");
    }
    return *s.locale;
}

std::string normalise(std::string name) {
    if (auto cut = name.find_first_of(".@:"); cut != std::string::npos) name.erase(cut);
    if (name == "C" || name == "POSIX") return "en";
    return name;
}

}  // namespace

void setLanguage(const std::string& language) {
    auto& s = state();
    std::lock_guard lock(s.mutex);
    s.language = language == "C" || language == "en" || language.starts_with("en_") ? "" : language;
    s.locale.reset();
}

const std::string& language() { return state().language; }

void addCatalogFolder(const std::filesystem::path& folder, const std::string& domain) {
    auto& s = state();
    std::lock_guard lock(s.mutex);
    s.folders.insert(folder.string());
    s.domains.insert(domain);
    s.locale.reset();
}

std::string tr(std::string_view english, const std::string& domain) {
    auto& s = state();
    std::lock_guard lock(s.mutex);
    if (s.language.empty() || english.empty()) return std::string(english);
    return boost::locale::dgettext(domain.c_str(), std::string(english).c_str(), currentLocale(s));
}

std::string fill(std::string text, std::initializer_list<std::string> values) {
    // One pass from left to right, so a value that itself holds "{2}" is not filled again.
    std::vector<std::string> given(values);
    std::string out;
    for (std::size_t at = 0; at < text.size();) {
        auto close = text[at] == '{' ? text.find('}', at) : std::string::npos;
        if (close != std::string::npos && close > at + 1 && close - at <= 3 &&
            text.find_first_not_of("0123456789", at + 1) == close) {
            std::size_t n = std::stoul(text.substr(at + 1, close - at - 1));
            if (n >= 1 && n <= given.size()) {
                out += given[n - 1];
                at = close + 1;
                continue;
            }
        }
        out += text[at++];
    }
    return out;
}

std::string tr(const Text& text) {
    const std::string& lang = language();
    if (!text.byLanguage.empty()) {
        auto exact = text.byLanguage.find(lang.empty() ? "en" : lang);
        if (exact != text.byLanguage.end()) return exact->second;
        auto base = text.byLanguage.find(lang.substr(0, lang.find('_')));
        if (base != text.byLanguage.end()) return base->second;
    }
    return tr(text.source, text.domain.empty() ? "tiller" : text.domain);
}

std::string resolveLanguage(const std::string& requested) {
    if (!requested.empty()) return normalise(requested);
    for (const char* variable : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(variable);
        if (value && *value) return normalise(value);
    }
    return "en";
}

}  // namespace tiller::i18n
