#include "hello_contributions.hpp"
#include "greeting_book.hpp"

#include <tiller/record/store.hpp>
#include <tiller/errors.hpp>
#include <tiller/i18n/catalogs.hpp>
#include <tiller/plugin/host.hpp>

#include <nlohmann/json.hpp>

#include <ostream>

namespace hello {
std::vector<tiller::migrations::Migration> migrations();  // from migrations/*.sql

using namespace tiller::plugin;

void contribute(Registry& registry) {
    registry.addMigrations(migrations());

    // The occasion of a greeting: a picklist people maintain (Administration > dictionary).
    DictionaryKind occasion;
    occasion.id = "hello.occasion";
    occasion.label = N_("Occasion");
    using tiller::i18n::Text;
    occasion.systemValues = {{"birthday", Text::given("Birthday", {{"zh_CN", "生日"}}), ""},
                             {"holiday", Text::given("Holiday", {{"zh_CN", "节日"}}), ""},
                             {"visit", Text::given("Visit", {{"zh_CN", "拜访"}}), ""}};
    registry.add(occasion);
    registry.add(DictionaryUse{"hello.greeting_occasion", "hello.occasion", "hello_greeting", "occasion_id", ""});

    // Personal or business: the greeting's record type (the form shows a gift value for business).
    DictionaryKind kind;
    kind.id = "hello.kind";
    kind.label = N_("Kind of greeting");
    kind.systemValues = {{"personal", Text::given("Personal", {{"zh_CN", "个人"}}), ""},
                         {"business", Text::given("Business", {{"zh_CN", "商务"}}), ""}};
    registry.add(kind);
    registry.add(DictionaryUse{"hello.greeting_kind", "hello.kind", "hello_greeting", "kind_id", ""});

    Command greet;
    greet.id = "hello.greet_world";
    greet.label = N_("Greet the World");
    greet.menu = "Tools";
    greet.accelerator = "Ctrl+Shift+H";
    greet.icon = "add";
    greet.toolbar = true;
    greet.permission = "hello.greet";
    greet.run = [](Host& host) {
        auto g = GreetingBook(host).greet(tiller::i18n::tr("World", "tiller-hello"));
        host.notify(g.greeting);
    };
    registry.add(greet);

    SearchProvider search;
    search.id = "hello.greetings";
    search.label = N_("Greetings");
    search.search = [](Host& host, const std::string& query, int limit) {
        std::vector<SearchHit> hits;
        for (const auto& g : GreetingBook(host).find(query, limit))
            hits.push_back({g.name, g.greeting, "hello.greetings", g.id, g.name == query ? 2.0 : 1.0});
        return hits;
    };
    registry.add(search);

    CliCommand cli;
    cli.name = "hello-greet";
    cli.summary = "Greet someone and remember it";
    cli.argumentsName = "NAME";
    cli.permission = "hello.greet";
    cli.run = [](Host& host, const CliInvocation& call, std::ostream& out) {
        std::string name;
        for (const auto& word : call.arguments) name += (name.empty() ? "" : " ") + word;
        auto g = GreetingBook(host).greet(name);
        if (call.json)
            out << nlohmann::json{{"id", g.id}, {"name", g.name}, {"greeting", g.greeting}}.dump(2) << '\n';
        else
            out << g.greeting << '\n';
        return 0;
    };
    registry.add(cli);

    CliCommand find;
    find.name = "hello-find";
    find.summary = "List the greetings you may see whose name contains TEXT";
    find.argumentsName = "TEXT";
    find.permission = "hello.view";
    find.run = [](Host& host, const CliInvocation& call, std::ostream& out) {
        std::string text = call.arguments.empty() ? "" : call.arguments[0];
        nlohmann::json found = nlohmann::json::array();
        for (const auto& g : GreetingBook(host).find(text, 1000))
            found.push_back({{"id", g.id}, {"name", g.name}, {"greeting", g.greeting}});
        if (call.json)
            out << nlohmann::json{{"greetings", found}}.dump(2) << '\n';
        else
            for (const auto& g : found) out << g["id"].get<long long>() << '\t' << g["greeting"].get<std::string>() << '\n';
        return 0;
    };
    registry.add(find);

    CliCommand submit;
    submit.name = "hello-submit";
    submit.summary = "Send one of your greetings for review (the hello.greeting_review flow)";
    submit.argumentsName = "ID";
    submit.permission = "hello.greet";
    submit.run = [](Host& host, const CliInvocation& call, std::ostream& out) {
        if (call.arguments.empty()) throw tiller::ValidationError("ID", "say which greeting");
        long long id = std::stoll(call.arguments[0]);
        tiller::SystemClock clock;
        long long approval = tiller::record::Store(host, clock).submit("hello.greeting", id, "hello.greeting_review");
        out << approval << '\n';
        return 0;
    };
    registry.add(submit);

    DemoDataProvider demo;
    demo.id = "hello.greetings";
    demo.label = N_("Greetings");
    demo.order = 900;
    demo.fill = [](Host& host, const DemoOptions& options) {
        int count = std::max(1, options.size / 10);
        tiller::jobs::Silent silent;
        GreetingBook(host).addSamples(count, options.progress ? *options.progress : silent);
        return std::to_string(count) + " greetings";
    };
    registry.add(demo);

    SettingsPage settings;
    settings.id = "hello.settings";
    settings.label = N_("Hello");
    settings.permission = "hello.greet";
    registry.add(settings);
}

}  // namespace hello
