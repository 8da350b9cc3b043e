#include <tiller/plugin/list_actions.hpp>

#include <tiller/i18n/catalogs.hpp>

namespace tiller::plugin {
namespace {

std::string replaceCount(std::string pattern, long long n) {
    auto at = pattern.find("%s");
    if (at == std::string::npos) return pattern + " " + std::to_string(n);
    return pattern.replace(at, 2, std::to_string(n));
}

}  // namespace

ListActionResult eachRecord(const std::vector<long long>& ids, const std::function<std::string(long long)>& title,
                            const std::function<void(long long)>& one) {
    ListActionResult result;
    for (long long id : ids) {
        try {
            one(id);
            ++result.done;
        } catch (const std::exception& e) {
            std::string name;
            try {
                name = title(id);
            } catch (const std::exception&) {
            }
            if (name.empty()) name = "#" + std::to_string(id);
            result.refused.emplace_back(name, e.what());
        }
    }
    return result;
}

std::string describeResult(const ListAction& action, const ListActionResult& result, std::size_t listed) {
    std::string line = replaceCount(i18n::tr(action.done.empty() ? i18n::Text(N_("%s done"), "tiller") : action.done), result.done);
    if (result.refused.empty()) return line;
    line += ", " + replaceCount(i18n::tr("%s refused"), static_cast<long long>(result.refused.size())) + ": ";
    for (std::size_t i = 0; i < result.refused.size() && i < listed; ++i)
        line += (i ? "; " : "") + result.refused[i].first + ": " + result.refused[i].second;
    if (result.refused.size() > listed)
        line += "; " + replaceCount(i18n::tr("and %s more"), static_cast<long long>(result.refused.size() - listed));
    return line;
}

}  // namespace tiller::plugin
