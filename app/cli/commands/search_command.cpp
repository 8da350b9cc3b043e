// tiller-cli search TEXT [--json] [--limit N]: the global search (SPEC §2.12) from the command
// line. Every plugin's SearchProvider is asked, as the signed-in person (so the data scope
// applies), and the hits are merged best first. Exit 0 (also when nothing is found), 1 when a
// provider failed (the others' hits are still printed), 2 for a wrong command line or a query
// that cannot be searched for (blank, too long, control characters, not UTF-8).
#include "../cli_context.hpp"

#include <tiller/i18n/catalogs.hpp>

#include <algorithm>
#include <iostream>

namespace tiller::cli {
namespace {

constexpr std::size_t kLongestQuery = 200;  // characters; nobody types more into a search box

struct Found {
    plugin::SearchHit hit;
    const plugin::SearchProvider* provider;
};

// Why `text` cannot be searched for, in the running language; "" when it can.
std::string queryProblem(const std::string& text) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        return i18n::tr("the search text is empty: give part of a name, a phone number or an e-mail address");
    std::size_t characters = 0;
    for (std::size_t i = 0; i < text.size(); ++characters) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t size = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
        if (size == 0 || i + size > text.size() ||
            std::any_of(text.begin() + static_cast<long>(i) + 1, text.begin() + static_cast<long>(i + size),
                        [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }))
            return i18n::tr("the search text is not valid UTF-8");
        if (lead < 0x20 || lead == 0x7F) return i18n::tr("the search text has a control character in it");
        i += size;
    }
    if (characters > kLongestQuery)
        return i18n::tr("the search text is too long: at most 200 characters");
    return "";
}

// Columns of text measured as a terminal shows them: Chinese characters take two cells.
std::size_t cells(const std::string& text) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t size = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 4;
        char32_t c = size == 1 ? lead : lead & (0xFF >> (size + 1));
        for (std::size_t k = 1; k < size && i + k < text.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
                          (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                          (c >= 0xFFE0 && c <= 0xFFE6) || c >= 0x20000;
        width += wide ? 2 : 1;
        i += size;
    }
    return width;
}

std::string padded(const std::string& text, std::size_t width) {
    return text + std::string(width > cells(text) ? width - cells(text) : 0, ' ');
}

std::string opens(const plugin::SearchHit& hit) { return hit.viewId + ":" + std::to_string(hit.recordId); }

std::string toText(const std::vector<Found>& found, const std::string& query) {
    if (found.empty()) return i18n::tr("Nothing found for") + " '" + query + "'";
    const std::vector<std::string> headers{i18n::tr("Title"), i18n::tr("Details"), i18n::tr("Record")};
    std::vector<std::size_t> widths;
    for (const auto& h : headers) widths.push_back(cells(h));
    for (const auto& f : found) {
        widths[0] = std::max(widths[0], cells(f.hit.title));
        widths[1] = std::max(widths[1], cells(f.hit.detail));
    }
    std::string text = padded(headers[0], widths[0]) + "  " + padded(headers[1], widths[1]) + "  " + headers[2];
    for (const auto& f : found)
        text += "\n" + padded(f.hit.title, widths[0]) + "  " + padded(f.hit.detail, widths[1]) + "  " + opens(f.hit);
    return text;
}

nlohmann::json toJson(const std::vector<Found>& found, const std::string& query, const nlohmann::json& failed) {
    nlohmann::json hits = nlohmann::json::array();
    for (const auto& f : found)
        hits.push_back({{"title", f.hit.title},
                        {"detail", f.hit.detail},
                        {"view", f.hit.viewId},
                        {"record_id", f.hit.recordId},
                        {"open", opens(f.hit)},
                        {"score", f.hit.score},
                        {"provider", f.provider->id},
                        {"provider_label", i18n::tr(f.provider->label)}});
    return {{"query", query}, {"hits", hits}, {"failed", failed}};
}

}  // namespace

void addSearchCommand(CLI::App& app, CliContext& context) {
    static std::string query;
    static int limit = 20;
    auto* command = app.add_subcommand(
        "search", "Find customers, contacts and other records by any part of a name, phone number or e-mail");
    command->add_option("TEXT", query, "What to look for: Chinese characters, pinyin or initials, digits of a number ...")
        ->required();
    command->add_option("--limit", limit, "At most this many hits (1-1000, default 20)")->check(CLI::Range(1, 1000));
    context.addJsonFlag(*command);
    command->callback([&context] {
        if (auto problem = queryProblem(query); !problem.empty()) throw CLI::ValidationError("TEXT", problem);
        auto& runtime = context.startedRuntime();
        std::vector<Found> found;
        nlohmann::json failed = nlohmann::json::array();
        for (const auto& provider : runtime.registry().searchProviders()) {
            if (!provider.search) continue;
            try {
                for (auto& hit : provider.search(runtime.host(), query, limit)) found.push_back({std::move(hit), &provider});
            } catch (const std::exception& e) {
                // One plugin's failure does not hide what the others found.
                std::cerr << "tiller-cli: the search of " << provider.id << " (plugin " << provider.owner
                          << ") failed: " << e.what() << '\n';
                failed.push_back({{"provider", provider.id}, {"plugin", provider.owner}, {"error", e.what()}});
            }
        }
        std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.hit.score > b.hit.score; });
        if (found.size() > static_cast<std::size_t>(limit)) found.resize(static_cast<std::size_t>(limit));
        context.answer(toJson(found, query, failed), toText(found, query));
        if (!failed.empty()) throw ExitStatus{1};
    });
}

}  // namespace tiller::cli
