#include "value_contributions.hpp"
#include "birthday_reminders.hpp"
#include "holiday_reminders.hpp"
#include "credit_limits.hpp"
#include "customer_money.hpp"
#include "status_upgrades.hpp"
#include "value_text.hpp"
#include "vip_tiers.hpp"

#include <tiller/errors.hpp>
#include <tiller/i18n/catalogs.hpp>
#include <tiller/record/store.hpp>

#include <memory>

namespace contacts {

using namespace tiller::plugin;
using value_text::tr;

namespace {

const tiller::SystemClock& systemClock() {
    static const tiller::SystemClock clock;
    return clock;
}

EventBus::Subscription& upgradeSubscription() {
    static EventBus::Subscription subscription;
    return subscription;
}

// The upgrade flows' names for the catalog (they are shown through tiller-contacts).
[[maybe_unused]] constexpr const char* kFlowTexts[] = {
    N_("Status upgrade"),           N_("Status upgrade: customers"),   N_("Status upgrade: suppliers"),
    N_("Status upgrade: distributors"), N_("Status upgrade: agents"), N_("Status upgrade: partners"),
    N_("Status upgrade: individuals"),  N_("Manager approval")};

// A daily job making one kind of occasion reminders; its log line counts them.
template <class Reminders>
void addReminderJob(Registry& registry, const char* id, const char* label, const char* what) {
    ScheduledJob job;
    job.id = id;
    job.label = label;
    job.intervalMinutes = 24 * 60;
    job.run = [what](Host& host, const tiller::Clock& clock) {
        int made = Reminders(host, clock).run();
        return made ? std::to_string(made) + " " + what : std::string();
    };
    registry.add(job);
}

void addJobs(Registry& registry) {
    addReminderJob<BirthdayReminders>(registry, "contacts.birthday_reminders", N_("Birthday reminders"), "birthday reminders");
    addReminderJob<HolidayReminders>(registry, "contacts.holiday_reminders", N_("Holiday reminders"), "holiday reminders");

    ScheduledJob vip;
    vip.id = "contacts.vip_review";
    vip.label = N_("VIP tier review");
    vip.intervalMinutes = 24 * 60;
    vip.run = [](Host& host, const tiller::Clock& clock) {
        auto changes = VipProgram(host, clock).review();
        return changes.empty() ? std::string() : std::to_string(changes.size()) + " VIP tier changes";
    };
    registry.add(vip);

    ScheduledJob credit;
    credit.id = "contacts.credit_review";
    credit.label = N_("Credit limit review");
    credit.intervalMinutes = 60;
    credit.run = [](Host& host, const tiller::Clock& clock) {
        int flagged = CreditLimits(host, clock).review();
        return flagged ? std::to_string(flagged) + " customers over their credit limit" : std::string();
    };
    registry.add(credit);

    // Approvals finished where contacts was not running (another PC, tiller-cli without it).
    ScheduledJob upgrades;
    upgrades.id = "contacts.upgrade_settle";
    upgrades.label = N_("Status upgrades");
    upgrades.intervalMinutes = 60;
    upgrades.run = [](Host& host, const tiller::Clock& clock) {
        int settled = StatusUpgrades(host, clock).settle();
        return settled ? std::to_string(settled) + " status upgrades settled" : std::string();
    };
    registry.add(upgrades);
}

// Merging customer B into A (SPEC §2.10): B's upgrade requests join A's history (one still
// waiting is void: its approval was about B), B's scores fill the items A has not been scored
// on, and B's VIP tier moves when A has none. The rest goes with B (ON DELETE CASCADE).
long long mergeValue(soci::session& s, long long from, long long to) {
    long long moved = 0;
    auto run = [&](soci::statement st) {
        st.execute(true);
        moved += st.get_affected_rows();
    };
    std::string note = tr("the customer was merged into another");
    s << "UPDATE contacts_status_request SET state = 'void', note = :n WHERE customer_id = :f AND state = 'pending'",
        soci::use(note), soci::use(from);
    run((s.prepare << "UPDATE contacts_status_request SET customer_id = :t WHERE customer_id = :f", soci::use(to),
         soci::use(from)));
    run((s.prepare << "UPDATE contacts_assessment_score SET customer_id = :t WHERE customer_id = :f AND item_id NOT IN "
                      "(SELECT item_id FROM contacts_assessment_score WHERE customer_id = :t2)",
         soci::use(to), soci::use(from), soci::use(to)));
    run((s.prepare << "UPDATE contacts_customer_vip SET customer_id = :t WHERE customer_id = :f AND NOT EXISTS "
                      "(SELECT 1 FROM contacts_customer_vip WHERE customer_id = :t2)",
         soci::use(to), soci::use(from), soci::use(to)));
    return moved;
}

}  // namespace

void contributeValue(Registry& registry) {
    registry.provide(std::make_shared<CustomerMoney>());
    addJobs(registry);

    ListHighlight overCredit;
    overCredit.id = "contacts.customers.over_credit";
    overCredit.list = "contacts.customers";
    overCredit.label = N_("Over the credit limit this period");
    overCredit.rows = [](Host& host, const std::vector<long long>& ids) {
        auto me = host.actingUser();
        if (!me) return std::vector<long long>{};
        return CreditLimits(host, systemClock()).flaggedFor(*me, ids);
    };
    registry.add(overCredit);

    ListAction upgrade;
    upgrade.id = "contacts.customers.request_upgrade";
    upgrade.list = "contacts.customers";
    upgrade.label = N_("Request upgrade...");
    upgrade.permission = "contacts.edit";
    upgrade.order = 50;
    upgrade.input.kind = ListActionInput::Kind::confirm;
    upgrade.input.prompt = N_("Send the selected customers for approval of their next status?");
    upgrade.done = N_("%s sent for approval");
    upgrade.run = [](Host& host, const std::vector<long long>& ids, const std::string&) {
        ListActionResult result;
        StatusUpgrades upgrades(host, systemClock());
        tiller::record::Store store(host, systemClock());
        for (long long id : ids) {
            try {
                upgrades.requestNext(id);
                ++result.done;
            } catch (const tiller::Error& e) {
                auto* invalid = dynamic_cast<const tiller::ValidationError*>(&e);
                std::string title;
                try {
                    title = store.recordTitle("contacts.customer", id);
                } catch (const std::exception&) {
                }
                result.refused.emplace_back(title.empty() ? "#" + std::to_string(id) : title,
                                            invalid ? invalid->reason() : std::string(e.what()));
            }
        }
        return result;
    };
    registry.add(upgrade);

    MergeHook merge;
    merge.id = "contacts.customer_value_merge";
    merge.entity = "contacts.customer";
    merge.label = N_("Upgrade requests, assessment scores and VIP tier");
    merge.move = [](Host&, soci::session& s, long long from, long long to) { return mergeValue(s, from, to); };
    registry.add(merge);

    for (auto [id, label, order] : {std::tuple{kValueSettingsPage, N_("Customer value"), 300},
                                    std::tuple{kVipSettingsPage, N_("VIP tiers"), 310},
                                    std::tuple{kCreditSettingsPage, N_("Credit and birthdays"), 320}}) {
        SettingsPage page;
        page.id = id;
        page.label = label;
        page.order = order;
        page.permission = "contacts.configure";
        registry.add(page);
    }
    contributeValueCli(registry);
}

void startValue(Host& host) { upgradeSubscription() = StatusUpgrades::follow(host, systemClock()); }
void stopValue() { upgradeSubscription().reset(); }

}  // namespace contacts
