// tiller-cli commands of the public pool and leads:
//   customers claim ID... | assign ID... --to LOGIN | release ID... | recall [--dry-run] | recall-days [N]
//   leads claim ID... | assign ID... --to LOGIN | release ID... | convert ID... --category NAME
// A batch prints what was refused, record by record, and exits 1 when anything was.
#include "lead_book.hpp"
#include "pool_contributions.hpp"
#include "pool_recall.hpp"
#include "public_pool.hpp"

#include <tiller/errors.hpp>
#include <tiller/identity/people.hpp>
#include <tiller/util/time_text.hpp>

#include <nlohmann/json.hpp>

#include <ostream>

namespace contacts {
namespace {

using namespace tiller::plugin;
using nlohmann::json;

std::vector<long long> ids(const CliInvocation& call) {
    if (call.arguments.empty()) throw tiller::ValidationError("arguments", "give at least one record id");
    std::vector<long long> out;
    for (const auto& text : call.arguments) {
        std::size_t used = 0;
        long long id = 0;
        try {
            id = std::stoll(text, &used);
        } catch (const std::exception&) {
        }
        if (used != text.size() || id <= 0) throw tiller::ValidationError("arguments", "'" + text + "' is not a record id");
        out.push_back(id);
    }
    return out;
}

int report(const ListActionResult& result, const char* verb, const CliInvocation& call, std::ostream& out) {
    if (call.json) {
        json refused = json::array();
        for (const auto& [title, why] : result.refused) refused.push_back({{"record", title}, {"reason", why}});
        out << json{{"done", result.done}, {"refused", refused}}.dump(2) << '\n';
    } else {
        for (const auto& [title, why] : result.refused) out << "refused: " << title << ": " << why << '\n';
        out << result.done << ' ' << verb << ", " << result.refused.size() << " refused\n";
    }
    return result.refused.empty() ? 0 : 1;
}

long long userByLogin(Host& host, const std::string& login) {
    tiller::SystemClock clock;
    auto user = tiller::identity::UserDirectory(host.database(), clock, {host.actingUser()}).find(login);
    if (!user || !user->active) throw tiller::ValidationError("to", "there is no active user '" + login + "'");
    return user->id;
}

void poolCommands(Registry& registry, const std::string& group, const std::string& entity, const std::string& noun) {
    CliCommand claim;
    claim.name = group + " claim";
    claim.summary = "Take " + noun + " from the public pool";
    claim.argumentsName = "ID...";
    claim.permission = kClaimPermission;
    claim.run = [entity](Host& host, const CliInvocation& call, std::ostream& out) {
        return report(PublicPool(host, tiller::SystemClock()).claimAll(entity, ids(call)), "claimed", call, out);
    };
    registry.add(claim);

    CliCommand assign;
    assign.name = group + " assign";
    assign.summary = "Give " + noun + " to a person (contacts.assign, or contacts.pool for records in the pool)";
    assign.argumentsName = "ID...";
    assign.options = {{.name = "to", .help = "The login of the person who gets them", .required = true}};
    assign.run = [entity](Host& host, const CliInvocation& call, std::ostream& out) {
        long long user = userByLogin(host, call.values.at("to"));
        return report(PublicPool(host, tiller::SystemClock()).assignAll(entity, ids(call), user), "assigned", call, out);
    };
    registry.add(assign);

    CliCommand release;
    release.name = group + " release";
    release.summary = "Move " + noun + " back to the public pool";
    release.argumentsName = "ID...";
    release.run = [entity](Host& host, const CliInvocation& call, std::ostream& out) {
        return report(PublicPool(host, tiller::SystemClock()).releaseAll(entity, ids(call)), "moved to the pool", call, out);
    };
    registry.add(release);
}

void recallCommands(Registry& registry) {
    CliCommand recall;
    recall.name = "customers recall";
    recall.summary = "Return customers and leads without follow-up for the set number of days to the public pool";
    recall.options = {{.name = "dry-run", .help = "Only list what would be returned", .flag = true}};
    recall.run = [](Host& host, const CliInvocation& call, std::ostream& out) {
        tiller::SystemClock clock;
        auto result = PoolRecall(host, clock).run(call.values.count("dry-run") > 0);
        if (call.json) {
            json records = json::array();
            for (const auto& r : result.recalled)
                records.push_back({{"entity", r.entity}, {"id", r.id}, {"title", r.title}, {"former_owner", r.formerOwnerName},
                                   {"idle_since", tiller::util::localDateTime(r.idleSince)}});
            out << json{{"days", result.days}, {"dry_run", result.dryRun}, {"recalled", records}}.dump(2) << '\n';
            return 0;
        }
        if (result.days == 0) {
            out << "The automatic recall is off (customers recall-days 0).\n";
            return 0;
        }
        for (const auto& r : result.recalled)
            out << (r.entity == kLeadEntity ? "lead " : "customer ") << r.id << ' ' << r.title << " (" << r.formerOwnerName
                << ", idle since " << tiller::util::localDateTime(r.idleSince) << ")\n";
        out << result.recalled.size() << (result.dryRun ? " would return" : " returned") << " to the public pool after "
            << result.days << " days without follow-up\n";
        return 0;
    };
    registry.add(recall);

    CliCommand days;
    days.name = "customers recall-days";
    days.summary = "Show or set after how many days without follow-up records return to the pool (0 = never)";
    days.argumentsName = "[DAYS]";
    days.run = [](Host& host, const CliInvocation& call, std::ostream& out) {
        tiller::SystemClock clock;
        PoolRecall recall(host, clock);
        if (!call.arguments.empty()) {
            int n = -1;
            try {
                std::size_t used = 0;
                n = std::stoi(call.arguments.front(), &used);
                if (used != call.arguments.front().size()) n = -1;
            } catch (const std::exception&) {
            }
            if (n < 0) throw tiller::ValidationError("DAYS", "'" + call.arguments.front() + "' is not a number of days");
            recall.setDays(n);
        }
        if (call.json) out << json{{"days", recall.days()}}.dump() << '\n';
        else out << recall.days() << '\n';
        return 0;
    };
    registry.add(days);
}

void convertCommand(Registry& registry) {
    CliCommand convert;
    convert.name = "leads convert";
    convert.summary = "Convert leads into customers, each with its first contact";
    convert.argumentsName = "ID...";
    convert.options = {{.name = "category", .help = "The new customers' category (name or code)", .required = true}};
    convert.permission = kLeadsPermission;
    convert.run = [](Host& host, const CliInvocation& call, std::ostream& out) {
        tiller::SystemClock clock;
        return report(LeadBook(host, clock).convertAll(ids(call), call.values.at("category")), "converted", call, out);
    };
    registry.add(convert);
}

}  // namespace

void contributePoolCommands(Registry& registry) {
    poolCommands(registry, "customers", kCustomerEntity, "customers");
    poolCommands(registry, "leads", kLeadEntity, "leads");
    recallCommands(registry);
    convertCommand(registry);
}

}  // namespace contacts
