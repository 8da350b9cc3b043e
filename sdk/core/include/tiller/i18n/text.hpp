// Translatable text. Source strings are English; catalogs (gettext .mo files, one domain per
// plugin and "tiller" for the shell) give the other languages. Core code is free of wx, so
// translation lives here and the UI uses the same catalogs.
#pragma once

#include <map>
#include <string>

namespace tiller::i18n {

// Text given in a manifest or a declaration: either one English string that the owner's
// catalog translates, or explicit texts per language ({en: Customers, zh_CN: 客户}).
struct Text {
    std::string source;                              // English, also the catalog key
    std::map<std::string, std::string> byLanguage;   // optional explicit translations
    // Catalog to look `source` up in. Left empty in a contribution, the Registry fills in the
    // contributing plugin's domain ("tiller-<id>"; "tiller" for the shell).
    std::string domain;

    Text() = default;
    Text(std::string english, std::string domainName = "")
        : source(std::move(english)), domain(std::move(domainName)) {}
    Text(const char* english) : source(english) {}
    bool empty() const { return source.empty() && byLanguage.empty(); }
    // English text with its translations given right here: Text::given("Birthday", {{"zh_CN", "生日"}}).
    static Text given(std::string english, std::map<std::string, std::string> translations) {
        Text t(english);
        t.byLanguage = std::move(translations);
        t.byLanguage["en"] = std::move(english);
        return t;
    }
};

}  // namespace tiller::i18n
