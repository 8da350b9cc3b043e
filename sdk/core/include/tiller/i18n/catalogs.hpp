// The message catalogs of the running program, read with Boost.Locale so they work whether or
// not the system has the language's locale installed.
//
//   i18n::setLanguage("zh_CN");
//   i18n::addCatalogFolder("/usr/share/tiller/locale", "tiller");
//   i18n::tr("Plugins")            -> "插件"
//   i18n::tr("Hello", "tiller-hello")
#pragma once

#include <tiller/i18n/text.hpp>

#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>

namespace tiller::i18n {

// "" or "C" means English (no translation). Takes effect for all later lookups.
void setLanguage(const std::string& language);
const std::string& language();

// `folder` holds <lang>/LC_MESSAGES/<domain>.mo. Several folders may serve one domain.
void addCatalogFolder(const std::filesystem::path& folder, const std::string& domain);

std::string tr(std::string_view english, const std::string& domain = "tiller");
inline std::string tr(const char* english) { return tr(std::string_view(english)); }
std::string tr(const Text& text);
// `text` with {1}, {2} ... replaced by `values` in order: the blanks of a translated sentence,
// which a language may order differently ("{2}上响铃{1}").
std::string fill(std::string text, std::initializer_list<std::string> values);

// For the language chosen, the system's language when `requested` is empty ($LANGUAGE,
// $LC_ALL, $LC_MESSAGES, $LANG), reduced to "zh_CN", "en"...
std::string resolveLanguage(const std::string& requested);

}  // namespace tiller::i18n

// Marks a string for extraction by xgettext without translating it here (wx defines the same).
#ifndef N_
#define N_(text) text
#endif
