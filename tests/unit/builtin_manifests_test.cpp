// Texts in the built-in plugins' manifests (name, description, permission labels) are shown to
// people too, and xgettext cannot read YAML: check their zh_CN translations here.
#include <tiller/i18n/catalogs.hpp>
#include <tiller/plugin/manifest.hpp>

#include <catch2/catch.hpp>

TEST_CASE("every text in a built-in plugin's manifest has a zh_CN translation", "[i18n]") {
    int checked = 0;
    for (const auto& entry : std::filesystem::directory_iterator(TILLER_BUILT_PLUGINS)) {
        auto file = entry.path() / "plugin.yaml";
        if (!std::filesystem::exists(file)) continue;
        auto m = tiller::plugin::readManifest(file);
        tiller::i18n::addCatalogFolder(m.folder() / "locale", m.catalogDomain());
        tiller::i18n::setLanguage("zh_CN");
        std::vector<tiller::i18n::Text> texts{m.name, m.description};
        for (const auto& p : m.permissions) texts.push_back(p.label);
        for (const auto& t : texts) {
            if (t.empty()) continue;
            INFO(m.id << ": " << t.source);
            CHECK(tiller::i18n::tr(t) != t.source);
            ++checked;
        }
        tiller::i18n::setLanguage("");
    }
    CHECK(checked >= 4);
}
