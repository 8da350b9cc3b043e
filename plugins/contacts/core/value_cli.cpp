// tiller-cli customers upgrade | upgrades | assess | credit | vip: the customer-value rules
// from the command line, the same core the GUI uses.
#include "credit_limits.hpp"
#include "customer_money.hpp"
#include "status_upgrades.hpp"
#include "value_assessment.hpp"
#include "value_contributions.hpp"
#include "value_text.hpp"
#include "vip_tiers.hpp"

#include <tiller/errors.hpp>
#include <algorithm>

#include <nlohmann/json.hpp>

#include <ostream>

namespace contacts {

using namespace tiller::plugin;
using nlohmann::json;

namespace {

const tiller::SystemClock& cliClock() {
    static const tiller::SystemClock clock;
    return clock;
}

long long customerArgument(const CliInvocation& call) {
    if (call.arguments.empty()) throw tiller::ValidationError("ID", "say which customer (its id)");
    try {
        std::size_t used = 0;
        long long id = std::stoll(call.arguments[0], &used);
        if (used == call.arguments[0].size() && id > 0) return id;
    } catch (const std::exception&) {
    }
    throw tiller::ValidationError("ID", "'" + call.arguments[0] + "' is not a customer id");
}

// A status by code ("potential") or by its name in the running language (潜在).
Status statusArgument(const std::string& text) {
    for (Status s : statusLadder())
        if (text == statusCode(s) || text == tiller::i18n::tr(statusCode(s), "tiller-contacts")) return s;
    std::string known;
    for (Status s : statusLadder()) known += (known.empty() ? "" : ", ") + std::string(statusCode(s));
    throw tiller::ValidationError("to", "'" + text + "' is not a status; the ladder is " + known);
}

json requestJson(const UpgradeRequest& r) {
    return {{"id", r.id},           {"customer", r.customerId}, {"from", r.fromStatus}, {"to", r.toStatus},
            {"approval", r.approvalId}, {"state", r.state},     {"note", r.note}};
}

void addUpgrade(Registry& registry) {
    CliCommand upgrade;
    upgrade.name = "customers upgrade";
    upgrade.summary = "Send a customer for approval of its next status (SPEC 2.3: one rung at a time)";
    upgrade.argumentsName = "ID";
    CliOption to;
    to.name = "to";
    to.help = "the status to reach: the next rung (basic, potential, successful, pilot, typical)";
    to.required = true;
    upgrade.options = {to};
    upgrade.permission = "contacts.edit";
    upgrade.run = [](Host& host, const CliInvocation& call, std::ostream& out) {
        long long customer = customerArgument(call);
        StatusUpgrades upgrades(host, cliClock());
        long long id = upgrades.request(customer, statusArgument(call.values.at("to")));
        UpgradeRequest made;
        for (const auto& r : upgrades.requests(customer))
            if (r.id == id) made = r;
        if (call.json)
            out << requestJson(made).dump(2) << '\n';
        else if (made.state == "pending")
            out << "customer " << customer << ": " << made.fromStatus << " -> " << made.toStatus << " waits for approval "
                << made.approvalId << '\n';
        else
            out << "customer " << customer << ": " << made.fromStatus << " -> " << made.toStatus << " " << made.state << '\n';
        return 0;
    };
    registry.add(upgrade);

    CliCommand list;
    list.name = "customers upgrades";
    list.summary = "A customer's status upgrade requests, newest first";
    list.argumentsName = "ID";
    list.permission = "contacts.view";
    list.run = [](Host& host, const CliInvocation& call, std::ostream& out) {
        auto requests = StatusUpgrades(host, cliClock()).requests(customerArgument(call));
        json all = json::array();
        for (const auto& r : requests) all.push_back(requestJson(r));
        if (call.json)
            out << json{{"requests", all}}.dump(2) << '\n';
        else
            for (const auto& r : requests)
                out << r.id << '\t' << r.fromStatus << " -> " << r.toStatus << '\t' << r.state
                    << (r.note.empty() ? "" : "\t" + r.note) << '\n';
        return 0;
    };
    registry.add(list);
}

void addAssess(Registry& registry) {
    CliCommand assess;
    assess.name = "customers assess";
    assess.summary = "Show a customer's value assessment, or score it: ITEM=SCORE (0-100) by item name or id";
    assess.argumentsName = "ID [ITEM=SCORE...]";
    assess.permission = "contacts.view";
    assess.run = [](Host& host, const CliInvocation& call, std::ostream& out) {
        long long customer = customerArgument(call);
        ValueAssessment assessment(host, cliClock());
        std::vector<std::pair<long long, int>> scores;
        auto items = assessment.items();
        for (std::size_t i = 1; i < call.arguments.size(); ++i) {
            const auto& arg = call.arguments[i];
            auto eq = arg.rfind('=');
            if (eq == std::string::npos) throw tiller::ValidationError("ITEM=SCORE", "'" + arg + "' is not ITEM=SCORE");
            std::string name = arg.substr(0, eq), value = arg.substr(eq + 1);
            auto item = std::find_if(items.begin(), items.end(),
                                     [&](const auto& it) { return it.name == name || std::to_string(it.id) == name; });
            if (item == items.end()) throw tiller::ValidationError("ITEM", "there is no assessment item '" + name + "'");
            int score = -1;
            try {
                std::size_t used = 0;
                score = std::stoi(value, &used);
                if (used != value.size()) score = -1;
            } catch (const std::exception&) {
            }
            if (score < 0 || score > 100) throw tiller::ValidationError(name, "'" + value + "' is not a score from 0 to 100");
            scores.emplace_back(item->id, score);
        }
        if (!scores.empty()) assessment.score(customer, scores);
        auto value = assessment.value(customer);
        json rows = json::array();
        for (const auto& s : value.items)
            rows.push_back({{"item", s.item.name}, {"weight", s.item.weight}, {"score", s.score ? json(*s.score) : json()}});
        if (call.json) {
            out << json{{"customer", customer}, {"items", rows}, {"total_weight", value.totalWeight},
                        {"value", value.value ? json(*value.value) : json()}}
                       .dump(2)
                << '\n';
        } else {
            for (const auto& s : value.items)
                out << s.item.name << '\t' << s.item.weight << '\t' << (s.score ? std::to_string(*s.score) : "-") << '\n';
            out << "value\t" << (value.value ? std::to_string(*value.value) : "-") << '\n';
        }
        return 0;
    };
    registry.add(assess);
}

void addCreditAndVip(Registry& registry) {
    CliCommand credit;
    credit.name = "customers credit";
    credit.summary = "A customer's credit limit and exposure in the current period (SPEC 2.6)";
    credit.argumentsName = "ID";
    credit.permission = "contacts.view";
    credit.run = [](Host& host, const CliInvocation& call, std::ostream& out) {
        auto s = CreditLimits(host, cliClock()).standing(customerArgument(call));
        if (call.json) {
            out << json{{"customer", s.customerId},       {"limit", s.limit ? json(*s.limit) : json()},
                        {"exposure", s.exposure},         {"over", s.over()},
                        {"period_start", s.periodStart}, {"period_end", s.periodEnd}}
                       .dump(2)
                << '\n';
        } else {
            out << "limit\t" << (s.limit ? formatAmount(*s.limit) : "-") << "\nexposure\t" << formatAmount(s.exposure)
                << "\nover\t" << (s.over() ? "yes" : "no") << '\n';
        }
        return 0;
    };
    registry.add(credit);

    CliCommand vip;
    vip.name = "customers vip";
    vip.summary = "A customer's VIP tier; --review reviews it against its purchases first (SPEC 2.13)";
    vip.argumentsName = "ID";
    CliOption review;
    review.name = "review";
    review.help = "review the tier against the customer's purchases first";
    review.flag = true;
    vip.options = {review};
    vip.permission = "contacts.view";
    vip.run = [](Host& host, const CliInvocation& call, std::ostream& out) {
        long long customer = customerArgument(call);
        VipProgram program(host, cliClock());
        if (call.values.count("review")) {
            host.require("contacts.edit");
            program.review(customer);
        }
        auto tier = program.tierOf(customer);
        std::string name = tier.tier ? tier.tier->name : "";
        if (call.json)
            out << json{{"customer", customer}, {"tier", name}, {"since", tier.tier ? json(tier.since) : json()}}.dump(2)
                << '\n';
        else
            out << (name.empty() ? "-" : name) << '\n';
        return 0;
    };
    registry.add(vip);
}

CliOption repeatedOption(const char* name, const char* help) {
    CliOption o;
    o.name = name;
    o.help = help;
    o.repeated = true;
    return o;
}

CliOption valueOption(const char* name, const char* help) {
    CliOption o;
    o.name = name;
    o.help = help;
    return o;
}

std::vector<std::string> listOf(const CliInvocation& call, const std::string& name) {
    auto it = call.lists.find(name);
    return it == call.lists.end() ? std::vector<std::string>{} : it->second;
}

// The settings behind the rules, for administrators' scripts and the tests' set-up.
void addSettings(Registry& registry) {
    CliCommand items;
    items.name = "customers assessment-items";
    items.summary = "List the value assessment items, or replace them: --item NAME=WEIGHT[:STANDARD] ... (SPEC 2.5)";
    items.options = {repeatedOption("item", "an item as NAME=WEIGHT[:STANDARD]; all items given replace the list")};
    items.permission = "contacts.view";
    items.run = [](Host& host, const CliInvocation& call, std::ostream& out) {
        ValueAssessment assessment(host, cliClock());
        std::string warning;
        if (auto given = listOf(call, "item"); !given.empty()) {
            auto existing = assessment.items();
            std::vector<AssessmentItem> items;
            for (const auto& text : given) {
                auto eq = text.find('=');
                if (eq == std::string::npos) throw tiller::ValidationError("item", "'" + text + "' is not NAME=WEIGHT[:STANDARD]");
                AssessmentItem item;
                item.name = text.substr(0, eq);
                std::string rest = text.substr(eq + 1);
                auto colon = rest.find(':');
                try {
                    item.weight = std::stoi(rest.substr(0, colon));
                } catch (const std::exception&) {
                    throw tiller::ValidationError("item", "'" + text + "': the weight is not a number");
                }
                if (colon != std::string::npos) item.standard = rest.substr(colon + 1);
                for (const auto& e : existing)  // an item kept by name keeps its scores
                    if (e.name == item.name) item.id = e.id, item.version = e.version;
                items.push_back(item);
            }
            warning = assessment.saveItems(items).warning;
        }
        json all = json::array();
        int total = 0;
        for (const auto& i : assessment.items()) {
            all.push_back({{"id", i.id}, {"name", i.name}, {"weight", i.weight}, {"standard", i.standard}});
            total += i.weight;
        }
        if (call.json) {
            out << json{{"items", all}, {"total_weight", total}, {"warning", ValueAssessment::weightMessage(total)}}.dump(2)
                << '\n';
        } else {
            for (const auto& i : all)
                out << i["name"].get<std::string>() << '\t' << i["weight"].get<int>() << '\t' << i["standard"].get<std::string>()
                    << '\n';
        }
        if (!warning.empty()) host.notify(warning);
        return 0;
    };
    registry.add(items);

    CliCommand tiers;
    tiers.name = "customers vip-tiers";
    tiers.summary = "List the VIP tiers, or replace them, lowest first: --tier NAME=SINGLE/CUMULATIVE/YEARLY (yuan; "
                    "empty for none) (SPEC 2.13)";
    tiers.options = {repeatedOption("tier", "a tier as NAME=SINGLE/CUMULATIVE/YEARLY; all tiers given replace the list")};
    tiers.permission = "contacts.view";
    tiers.run = [](Host& host, const CliInvocation& call, std::ostream& out) {
        VipProgram program(host, cliClock());
        if (auto given = listOf(call, "tier"); !given.empty()) {
            auto existing = program.tiers();
            std::vector<VipTier> wanted;
            for (const auto& text : given) {
                auto eq = text.find('=');
                auto first = text.find('/', eq), second = first == std::string::npos ? first : text.find('/', first + 1);
                if (eq == std::string::npos || second == std::string::npos)
                    throw tiller::ValidationError("tier", "'" + text + "' is not NAME=SINGLE/CUMULATIVE/YEARLY");
                VipTier t;
                t.name = text.substr(0, eq);
                t.singlePurchase = parseAmount(text.substr(eq + 1, first - eq - 1), t.name);
                t.cumulative = parseAmount(text.substr(first + 1, second - first - 1), t.name);
                t.yearlyMinimum = parseAmount(text.substr(second + 1), t.name);
                for (const auto& e : existing)
                    if (e.name == t.name) t.id = e.id, t.version = e.version;
                wanted.push_back(t);
            }
            program.saveTiers(wanted);
        }
        json all = json::array();
        auto amount = [](const std::optional<long long>& a) { return a ? json(*a) : json(); };
        for (const auto& t : program.tiers())
            all.push_back({{"name", t.name}, {"single_purchase", amount(t.singlePurchase)}, {"cumulative", amount(t.cumulative)},
                           {"yearly_minimum", amount(t.yearlyMinimum)}});
        if (call.json)
            out << json{{"tiers", all}}.dump(2) << '\n';
        else
            for (const auto& t : program.tiers()) out << t.name << '\n';
        return 0;
    };
    registry.add(tiers);

    CliCommand policy;
    policy.name = "customers credit-policy";
    policy.summary = "Show or set the credit period (month, quarter, year) and the default credit limit (SPEC 2.6)";
    policy.options = {valueOption("period", "month, quarter or year"),
                      valueOption("default", "the default credit limit in yuan; \"\" for none")};
    policy.permission = "contacts.view";
    policy.run = [](Host& host, const CliInvocation& call, std::ostream& out) {
        CreditLimits credit(host, cliClock());
        auto p = credit.policy();
        bool change = false;
        if (auto it = call.values.find("period"); it != call.values.end()) {
            auto period = creditPeriodFromCode(it->second);
            if (!period) throw tiller::ValidationError("period", "'" + it->second + "' is not month, quarter or year");
            p.period = *period;
            change = true;
        }
        if (auto it = call.values.find("default"); it != call.values.end()) {
            p.defaultLimit = parseAmount(it->second, "default");
            change = true;
        }
        if (change) credit.setPolicy(p);
        if (call.json)
            out << json{{"period", creditPeriodCode(p.period)}, {"default_limit", p.defaultLimit ? json(*p.defaultLimit) : json()}}
                       .dump(2)
                << '\n';
        else
            out << creditPeriodCode(p.period) << '\t' << (p.defaultLimit ? formatAmount(*p.defaultLimit) : "-") << '\n';
        return 0;
    };
    registry.add(policy);

    CliCommand review;
    review.name = "customers credit-review";
    review.summary = "Flag the customers over their credit limit in the current period now (the hourly job)";
    review.permission = "contacts.view";
    review.run = [](Host& host, const CliInvocation& call, std::ostream& out) {
        int flagged = CreditLimits(host, cliClock()).review();
        if (call.json)
            out << json{{"flagged", flagged}}.dump(2) << '\n';
        else
            out << flagged << '\n';
        return 0;
    };
    registry.add(review);
}

}  // namespace

void contributeValueCli(Registry& registry) {
    addUpgrade(registry);
    addAssess(registry);
    addCreditAndVip(registry);
    addSettings(registry);
}

}  // namespace contacts
