#include "core/merge_contributions.hpp"
#include "core/customer_merger.hpp"
#include "core/duplicate_finder.hpp"

#include <tiller/errors.hpp>
#include <tiller/i18n/catalogs.hpp>

#include <nlohmann/json.hpp>

namespace contacts {
namespace {

using namespace tiller::plugin;
using nlohmann::json;

long long idArgument(const std::string& text, const char* what) {
    try {
        std::size_t used = 0;
        long long id = std::stoll(text, &used);
        if (used == text.size() && id > 0) return id;
    } catch (const std::exception&) {
    }
    throw tiller::ValidationError(what, "'" + text + "' is not a customer id");
}

// --take phone, or --take phone=other: A takes that field's value from B. (=keep is allowed
// and changes nothing, so a script can list every field.)
std::vector<std::string> takenFields(const CliInvocation& call) {
    std::vector<std::string> fields;
    auto it = call.lists.find("take");
    if (it == call.lists.end()) return fields;
    for (const auto& item : it->second) {
        auto equals = item.find('=');
        std::string field = item.substr(0, equals), side = equals == std::string::npos ? "other" : item.substr(equals + 1);
        if (side == "keep") continue;
        if (side != "other") throw tiller::ValidationError("take", "'" + item + "': say FIELD or FIELD=other (or FIELD=keep)");
        fields.push_back(field);
    }
    return fields;
}

void duplicatesCommand(Registry& registry) {
    CliCommand c;
    c.name = "customers duplicates";
    c.summary = "List customers that share a phone number, an e-mail address or a name";
    c.options = {{.name = "limit", .help = "At most this many groups per reason (default 100)"}};
    c.permission = "contacts.merge";
    c.run = [](Host& host, const CliInvocation& call, std::ostream& out) {
        int limit = call.values.count("limit") ? std::stoi(call.values.at("limit")) : 100;
        DuplicateFinder finder(host);
        tiller::jobs::Silent silent;
        finder.fillMissingKeys(silent);  // customers loaded in bulk have no normalised name yet
        auto groups = finder.groups(limit);
        if (call.json) {
            json all = json::array();
            for (const auto& g : groups) {
                json customers = json::array();
                for (const auto& [id, name] : g.customers) customers.push_back({{"id", id}, {"name", name}});
                all.push_back({{"reason", reasonCode(g.reason)}, {"value", g.value}, {"customers", customers}});
            }
            out << json{{"groups", all}}.dump(2) << '\n';
            return 0;
        }
        for (const auto& g : groups) {
            out << reasonCode(g.reason) << ' ' << g.value << ':';
            for (const auto& [id, name] : g.customers) out << "  " << id << ' ' << name;
            out << '\n';
        }
        if (groups.empty()) out << "No duplicates found.\n";
        return 0;
    };
    registry.add(c);
}

void mergeCommand(Registry& registry) {
    CliCommand c;
    c.name = "customers merge";
    c.summary = "Merge customer OTHER_ID into KEEP_ID (contacts, addresses, files and other plugins' records move)";
    c.argumentsName = "KEEP_ID OTHER_ID";
    c.options = {{.name = "take", .help = "FIELD or FIELD=other: take this field's value from OTHER_ID (repeat for more)", .repeated = true}};
    c.permission = "contacts.merge";
    c.run = [](Host& host, const CliInvocation& call, std::ostream& out) {
        if (call.arguments.size() != 2) throw tiller::ValidationError("arguments", "give KEEP_ID and OTHER_ID");
        MergeRequest request;
        request.keepId = idArgument(call.arguments[0], "KEEP_ID");
        request.otherId = idArgument(call.arguments[1], "OTHER_ID");
        request.takeFromOther = takenFields(call);
        tiller::SystemClock clock;
        auto report = CustomerMerger(host, clock).merge(request);
        if (call.json) {
            json plugins = json::object();
            for (const auto& [hook, count] : report.movedByPlugins) plugins[hook] = count;
            out << json{{"kept", report.keptId},
                        {"merged", request.otherId},
                        {"contacts_moved", report.contactsMoved},
                        {"addresses_moved", report.addressesMoved},
                        {"files_moved", report.filesMoved},
                        {"moved_by_plugins", plugins}}
                       .dump(2)
                << '\n';
            return 0;
        }
        out << "Merged customer " << request.otherId << " into " << report.keptId << ": " << report.contactsMoved
            << " contacts, " << report.addressesMoved << " addresses, " << report.filesMoved << " files moved";
        for (const auto& [hook, count] : report.movedByPlugins) out << ", " << count << " by " << hook;
        out << '\n';
        return 0;
    };
    registry.add(c);
}

}  // namespace

void contributeMerging(Registry& registry) {
    RecordPanelSlot slot;
    slot.id = kCustomerSlot;
    slot.label = N_("Customer 360° view");
    registry.add(slot);

    RecordHook nameKey;
    nameKey.id = "contacts.customer_name_key";
    nameKey.entity = "contacts.customer";
    nameKey.afterWrite = [](Host&, soci::session& s, long long id, bool) { DuplicateFinder::writeKey(s, id); };
    registry.add(nameKey);

    // Demo customers are written in bulk, around the Store: their normalised names follow.
    DemoDataProvider keys;
    keys.id = "contacts.customer_name_keys";
    keys.label = N_("Customer names for the duplicate check");
    keys.order = 101;
    keys.fill = [](Host& host, const DemoOptions& options) {
        tiller::jobs::Silent silent;
        long long n = DuplicateFinder(host).fillMissingKeys(options.progress ? *options.progress : silent);
        return std::to_string(n) + " names prepared for the duplicate check";
    };
    registry.add(keys);

    duplicatesCommand(registry);
    mergeCommand(registry);
}

}  // namespace contacts
