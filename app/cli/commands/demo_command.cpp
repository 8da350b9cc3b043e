#include "../cli_context.hpp"
#include "../text_progress.hpp"

#include <tiller/i18n/catalogs.hpp>

#include <algorithm>

namespace tiller::cli {

void addDemoCommand(CLI::App& app, CliContext& context) {
    static int size = 1000;
    auto* command = app.add_subcommand("demo", "Fill the database with sample data from every plugin that offers it");
    command->add_option("--customers", size, "How many customers (and proportionally other records)")
        ->check(CLI::Range(1, 10'000'000));
    context.addJsonFlag(*command);
    command->callback([&context] {
        context.require("core.demo");
        auto& runtime = context.startedRuntime();
        auto providers = runtime.registry().demoDataProviders();
        std::stable_sort(providers.begin(), providers.end(),
                         [](const auto& a, const auto& b) { return a.order < b.order; });
        nlohmann::json filled = nlohmann::json::array();
        std::string text;
        for (const auto& p : providers) {
            TextProgress progress(p.id.c_str());
            auto summary = p.fill(runtime.host(), plugin::DemoOptions{size, &progress});
            filled.push_back({{"provider", p.id}, {"plugin", p.owner}, {"summary", summary}});
            text += i18n::tr(p.label) + ": " + summary + "\n";
        }
        if (providers.empty()) text = "no installed plugin provides demo data\n";
        text.pop_back();
        context.answer({{"database", runtime.settings().database.redacted()}, {"filled", filled}}, text);
    });
}

}  // namespace tiller::cli
