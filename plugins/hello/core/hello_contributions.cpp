#include "hello_contributions.hpp"
#include "greeting_book.hpp"

#include <tiller/i18n/catalogs.hpp>
#include <tiller/plugin/host.hpp>

#include <nlohmann/json.hpp>

#include <ostream>

namespace hello {
std::vector<tiller::migrations::Migration> migrations();  // from migrations/*.sql

using namespace tiller::plugin;

void contribute(Registry& registry) {
    registry.addMigrations(migrations());

    NavigationView greetings;
    greetings.id = "hello.greetings";
    greetings.label = N_("Greetings");
    greetings.group = N_("Hello");
    greetings.permission = "hello.view";
    greetings.list = [](Host& host) {
        return std::make_shared<TableListSource>(
            host.sharedDatabase(), "hello_greeting",
            std::vector<ListColumn>{{"id", N_("No."), 70},
                                    {"name", N_("Name"), 200},
                                    {"greeting", N_("Greeting"), 360}},
            "id");
    };
    registry.add(greetings);

    Command greet;
    greet.id = "hello.greet_world";
    greet.label = N_("Greet the World");
    greet.menu = "Tools";
    greet.accelerator = "Ctrl+Shift+H";
    greet.icon = "add";
    greet.toolbar = true;
    greet.permission = "hello.greet";
    greet.run = [](Host& host) {
        auto g = GreetingBook(host.database()).greet(tiller::i18n::tr("World", "tiller-hello"));
        host.notify(g.greeting);
    };
    registry.add(greet);

    SearchProvider search;
    search.id = "hello.greetings";
    search.label = N_("Greetings");
    search.search = [](Host& host, const std::string& query, int limit) {
        std::vector<SearchHit> hits;
        for (const auto& g : GreetingBook(host.database()).find(query, limit))
            hits.push_back({g.name, g.greeting, "hello.greetings", g.id, g.name == query ? 2.0 : 1.0});
        return hits;
    };
    registry.add(search);

    CliCommand cli;
    cli.name = "hello-greet";
    cli.summary = "Greet someone and remember it";
    cli.argumentsName = "NAME";
    cli.run = [](Host& host, const CliInvocation& call, std::ostream& out) {
        std::string name;
        for (const auto& word : call.arguments) name += (name.empty() ? "" : " ") + word;
        auto g = GreetingBook(host.database()).greet(name);
        if (call.json)
            out << nlohmann::json{{"id", g.id}, {"name", g.name}, {"greeting", g.greeting}}.dump(2) << '\n';
        else
            out << g.greeting << '\n';
        return 0;
    };
    registry.add(cli);

    DemoDataProvider demo;
    demo.id = "hello.greetings";
    demo.label = N_("Greetings");
    demo.order = 900;
    demo.fill = [](Host& host, const DemoOptions& options) {
        int count = std::max(1, options.size / 10);
        GreetingBook(host.database()).addSamples(count);
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
