// tiller-cli dictionary: the picklists plugins declare and people maintain (SPEC §1.3).
#include "../cli_context.hpp"

#include <tiller/dictionary/dictionary.hpp>
#include <tiller/errors.hpp>
#include <tiller/i18n/catalogs.hpp>

namespace tiller::cli {
namespace {

dictionary::Value existing(dictionary::Dictionary& book, const std::string& kind, const std::string& code) {
    auto v = book.find(kind, code);
    if (!v) throw NotFound("'" + kind + "' has no value '" + code + "'");
    return *v;
}

}  // namespace

void addDictionaryCommands(CLI::App& app, CliContext& context) {
    static std::string kind, name, code, parent, chinese;
    auto* dict = app.add_subcommand("dictionary", "Picklists: customer category, source, region, industry ...");
    dict->require_subcommand(1);

    auto* kinds = dict->add_subcommand("kinds", "The picklists the installed plugins declare");
    context.addJsonFlag(*kinds);
    kinds->callback([&context] {
        auto& runtime = context.signedInRuntime();
        nlohmann::json all = nlohmann::json::array();
        std::string text;
        for (const auto& k : runtime.registry().dictionaryKinds()) {
            all.push_back({{"id", k.id}, {"label", i18n::tr(k.label)}, {"tree", k.hierarchical}, {"plugin", k.owner}});
            text += k.id + "\t" + i18n::tr(k.label) + "\n";
        }
        if (!text.empty()) text.pop_back();
        context.answer({{"kinds", all}}, text);
    });

    auto* list = dict->add_subcommand("list", "The values of one picklist, with how many records use each");
    list->add_option("KIND", kind, "e.g. hello.occasion")->required();
    context.addJsonFlag(*list);
    list->callback([&context] {
        auto& runtime = context.signedInRuntime();
        dictionary::Dictionary book(runtime.host(), runtime.clock());
        nlohmann::json all = nlohmann::json::array();
        std::string text;
        for (const auto& v : book.values(kind)) {
            auto shown = v.nameIn(i18n::language());
            long long used = book.usage(v.id);
            all.push_back({{"code", v.code}, {"name", shown}, {"names", v.translations}, {"system", v.isSystem},
                           {"parent", v.parentId ? nlohmann::json(*v.parentId) : nlohmann::json()}, {"used", used}});
            text += v.code + "\t" + shown + (v.isSystem ? "\t(system)" : "\t") + "\t" + std::to_string(used) + "\n";
        }
        if (!text.empty()) text.pop_back();
        context.answer({{"kind", kind}, {"values", all}}, text);
    });

    auto* add = dict->add_subcommand("add", "Add a value");
    add->add_option("KIND", kind, "The picklist")->required();
    add->add_option("NAME", name, "Its name")->required();
    add->add_option("--code", code, "A stable code (default: v1, v2, ...)");
    add->add_option("--parent", parent, "The code of the value it belongs under (trees only)");
    add->add_option("--zh", chinese, "Its Chinese name");
    context.addJsonFlag(*add);
    add->callback([&context] {
        auto& runtime = context.signedInRuntime();
        dictionary::Dictionary book(runtime.host(), runtime.clock());
        std::optional<long long> parentId;
        if (!parent.empty()) parentId = existing(book, kind, parent).id;
        long long id = book.add(kind, name, parentId, code);
        if (!chinese.empty()) book.setTranslation(id, "zh_CN", chinese);
        context.answer({{"id", id}}, "added " + name);
    });

    auto* rename = dict->add_subcommand("rename", "Rename a value (system values too)");
    rename->add_option("KIND", kind, "The picklist")->required();
    rename->add_option("CODE", code, "The value's code")->required();
    rename->add_option("NAME", name, "The new name")->required();
    rename->callback([&context] {
        auto& runtime = context.signedInRuntime();
        dictionary::Dictionary book(runtime.host(), runtime.clock());
        auto v = existing(book, kind, code);
        book.rename(v.id, v.version, name);
        context.answer({{"code", code}, {"name", name}}, "renamed " + code + " to " + name);
    });

    auto* remove = dict->add_subcommand("remove", "Remove a value no record uses (never a system value)");
    remove->add_option("KIND", kind, "The picklist")->required();
    remove->add_option("CODE", code, "The value's code")->required();
    remove->callback([&context] {
        auto& runtime = context.signedInRuntime();
        dictionary::Dictionary book(runtime.host(), runtime.clock());
        book.remove(existing(book, kind, code).id);
        context.answer({{"removed", code}}, "removed " + code);
    });
}

}  // namespace tiller::cli
