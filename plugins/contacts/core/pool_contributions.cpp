#include "pool_contributions.hpp"
#include "demo_leads.hpp"
#include "lead_book.hpp"
#include "lead_conversion.hpp"
#include "pool_recall.hpp"
#include "pool_text.hpp"
#include "public_pool.hpp"

#include <tiller/data/records.hpp>
#include <tiller/db/row.hpp>
#include <tiller/errors.hpp>
#include <tiller/plugin/list_actions.hpp>
#include <tiller/record/store.hpp>

namespace contacts {
namespace {

using namespace tiller::plugin;
using tiller::i18n::Text;
using pool_text::fill;
using pool_text::tr;

long long choiceId(const std::string& choice) {
    try {
        return std::stoll(choice);
    } catch (const std::exception&) {
        throw tiller::ValidationError("choice", "'" + choice + "' is not an id");
    }
}

// A customer's contacts and addresses go with it (in the delete's transaction), each audited
// and through its own entity's hooks, so that its index entries go too.
void removeChildren(Host& host, soci::session& s, const std::string& entity, const std::string& table, long long customerId) {
    std::vector<long long> ids;
    soci::rowset<soci::row> rows = (s.prepare << "SELECT id FROM " + table + " WHERE customer_id = :c", soci::use(customerId));
    for (const auto& r : rows) ids.push_back(tiller::db::integerAt(r, 0));
    if (ids.empty()) return;
    std::vector<std::string> fields;
    if (const auto* e = host.registry().entity(entity))
        for (const auto* f : tiller::record::columnFields(*e)) fields.push_back(f->name);
    tiller::data::Records records(s, host.actingUser(), tiller::SystemClock().nowMs());
    for (long long id : ids) {
        for (const auto* hook : host.registry().hooksFor(entity))
            if (hook->beforeDelete) hook->beforeDelete(host, s, id);
        s << "DELETE FROM core_attachment WHERE entity = :e AND record_id = :id", soci::use(entity), soci::use(id);
        records.remove(table, entity, id, fields);
    }
}

void hooks(Registry& registry) {
    RecordHook children;
    children.id = "contacts.customer_children";
    children.entity = kCustomerEntity;
    children.beforeDelete = [](Host& host, soci::session& s, long long id) {
        removeChildren(host, s, "contacts.contact", "contacts_contact", id);
        removeChildren(host, s, "contacts.address", "contacts_address", id);
    };
    registry.add(children);

    // A new lead starts as "new"; "converted" comes only from a conversion and stays.
    RecordHook status;
    status.id = "contacts.lead_status";
    status.entity = kLeadEntity;
    status.afterWrite = [](Host&, soci::session& s, long long id, bool created) {
        long long statusId = 0, customer = 0;
        soci::indicator statusInd = soci::i_null, customerInd = soci::i_null;
        s << "SELECT status_id, converted_customer_id FROM contacts_lead WHERE id = :id", soci::use(id),
            soci::into(statusId, statusInd), soci::into(customer, customerInd);
        if (created && statusInd == soci::i_null) {
            long long fresh = leadStatusId(s, kLeadNew);
            s << "UPDATE contacts_lead SET status_id = :s WHERE id = :id", soci::use(fresh), soci::use(id);
            return;
        }
        bool converted = statusInd == soci::i_ok && statusId == leadStatusId(s, kLeadConverted);
        if (converted && customerInd == soci::i_null)
            throw tiller::ValidationError("status_id", tr("a lead becomes converted by converting it into a customer"));
        if (!converted && customerInd == soci::i_ok)
            throw tiller::ValidationError("status_id", tr("this lead was converted into a customer and stays converted"));
    };
    registry.add(status);

    // Merging customers: leads converted into the one that goes point at the one that stays.
    MergeHook merge;
    merge.id = "contacts.lead_customer";
    merge.entity = kCustomerEntity;
    merge.label = N_("Leads");
    merge.move = [](Host&, soci::session& s, long long from, long long to) -> long long {
        soci::statement st = (s.prepare << "UPDATE contacts_lead SET converted_customer_id = :t WHERE converted_customer_id = :f",
                              soci::use(to), soci::use(from));
        st.execute(true);
        return st.get_affected_rows();
    };
    registry.add(merge);
}

ListAction action(const char* id, const char* list, const char* label, const char* permission, int order, const char* done) {
    ListAction a;
    a.id = id;
    a.list = list;
    a.label = label;
    a.permission = permission;
    a.order = order;
    a.done = done;
    return a;
}

ListActionInput input(ListActionInput::Kind kind, const char* prompt, const char* dictionary = "") {
    return {kind, dictionary, Text(prompt)};
}

void poolActions(Registry& registry, const char* list, const std::string& entity, bool inPool) {
    using Kind = ListActionInput::Kind;
    std::string prefix = std::string(list) + ".";
    if (inPool) {
        auto claim = action("", list, N_("Claim"), kClaimPermission, 10, N_("%s claimed"));
        claim.id = prefix + "claim";
        claim.run = [entity](Host& host, const std::vector<long long>& ids, const std::string&) {
            return PublicPool(host, tiller::SystemClock()).claimAll(entity, ids);
        };
        registry.add(claim);
    }
    // Pool administrators give records from the pool; assigners give any record.
    auto assign = action("", list, N_("Assign to..."), inPool ? kPoolPermission : kAssignPermission, 20, N_("%s assigned"));
    assign.id = prefix + "assign";
    assign.input = input(Kind::user, N_("Give the selected records to:"));
    assign.run = [entity](Host& host, const std::vector<long long>& ids, const std::string& choice) {
        return PublicPool(host, tiller::SystemClock()).assignAll(entity, ids, choiceId(choice));
    };
    registry.add(assign);
    if (!inPool) {
        auto release = action("", list, N_("Move to pool"), kClaimPermission, 30, N_("%s moved to the public pool"));
        release.id = prefix + "release";
        release.input = input(Kind::confirm, N_("Move the selected records to the public pool? Their owners lose them."));
        release.run = [entity](Host& host, const std::vector<long long>& ids, const std::string&) {
            return PublicPool(host, tiller::SystemClock()).releaseAll(entity, ids);
        };
        registry.add(release);
    }
}

void listActions(Registry& registry) {
    using Kind = ListActionInput::Kind;
    poolActions(registry, "contacts.customers", kCustomerEntity, false);
    poolActions(registry, "contacts.pool", kCustomerEntity, true);
    poolActions(registry, "contacts.leads", kLeadEntity, false);
    poolActions(registry, "contacts.lead_pool", kLeadEntity, true);

    auto category = action("contacts.customers.category", "contacts.customers", N_("Change category..."), "contacts.edit", 40,
                           N_("%s changed"));
    category.input = input(Kind::dictionary, N_("New category of the selected customers:"), "contacts.category");
    category.run = [](Host& host, const std::vector<long long>& ids, const std::string& choice) {
        tiller::SystemClock clock;
        tiller::record::Store store(host, clock);
        return eachRecord(
            ids, [&](long long id) { return PublicPool(host, clock).title(kCustomerEntity, id); },
            [&](long long id) {
                auto record = store.read(kCustomerEntity, id);
                store.update(kCustomerEntity, id, record.version, {{"category_id", choice}});
            });
    };
    registry.add(category);

    auto convert = action("contacts.leads.convert", "contacts.leads", N_("Convert to customer..."), kLeadsPermission, 5,
                          N_("%s converted"));
    convert.input = input(Kind::dictionary, N_("Category of the new customers:"), "contacts.category");
    convert.run = [](Host& host, const std::vector<long long>& ids, const std::string& choice) {
        return LeadBook(host, tiller::SystemClock()).convertAll(ids, choice);
    };
    registry.add(convert);
}

void recallJob(Registry& registry) {
    ScheduledJob job;
    job.id = "contacts.pool_recall";
    job.label = N_("Return idle customers and leads to the public pool");
    job.intervalMinutes = 60;
    job.run = [](Host& host, const tiller::Clock& clock) -> std::string {
        auto report = PoolRecall(host, clock).run();
        if (report.recalled.empty()) return "";
        return fill(tr("%s customers and leads returned to the public pool"), {std::to_string(report.recalled.size())});
    };
    registry.add(job);
}

}  // namespace

void contributePool(Registry& registry) {
    DictionaryKind status;
    status.id = "contacts.lead_status";
    status.label = N_("Lead status");
    status.systemValues = {{kLeadNew, Text::given("New", {{"zh_CN", "新线索"}}), ""},
                           {"contacted", Text::given("Contacted", {{"zh_CN", "已联系"}}), ""},
                           {"qualified", Text::given("Qualified", {{"zh_CN", "有效线索"}}), ""},
                           {kLeadConverted, Text::given("Converted", {{"zh_CN", "已转化"}}), ""},
                           {kLeadDiscarded, Text::given("Discarded", {{"zh_CN", "已废弃"}}), ""}};
    registry.add(status);
    registry.add(DictionaryUse{"contacts.lead_status_leads", "contacts.lead_status", "contacts_lead", "status_id", ""});
    registry.add(DictionaryUse{"contacts.source_leads", "contacts.source", "contacts_lead", "source_id", ""});

    hooks(registry);
    listActions(registry);
    recallJob(registry);
    registry.provide(std::make_shared<LeadConversionSteps>());

    SettingsPage settings;
    settings.id = kPoolSettingsPage;
    settings.label = N_("Public pool");
    settings.order = 290;
    settings.permission = kPoolPermission;
    registry.add(settings);

    DemoDataProvider demo;
    demo.id = "contacts.leads";
    demo.label = N_("Leads and the public pool");
    demo.order = 110;  // after the customers
    demo.fill = [](Host& host, const DemoOptions& options) {
        tiller::jobs::Silent silent;
        auto added = addDemoLeads(host, options.size, options.progress ? *options.progress : silent);
        return std::to_string(added.leads) + " leads, " + std::to_string(added.pooled) + " customers in the public pool";
    };
    registry.add(demo);

    contributePoolCommands(registry);
}

}  // namespace contacts
