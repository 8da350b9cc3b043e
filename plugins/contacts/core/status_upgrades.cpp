#include "status_upgrades.hpp"
#include "value_text.hpp"

#include <tiller/approval/engine.hpp>
#include <tiller/data/records.hpp>
#include <tiller/db/row.hpp>
#include <tiller/db/transaction.hpp>
#include <tiller/errors.hpp>
#include <tiller/record/store.hpp>

namespace contacts {
namespace {

using value_text::fill;
using value_text::tr;

constexpr const char* kEntity = "contacts.customer";
constexpr const char* kDefaultFlow = "contacts.upgrade";

std::string statusName(std::string_view code) { return tiller::i18n::tr(code, "tiller-contacts"); }
std::string statusName(Status status) { return statusName(statusCode(status)); }

UpgradeRequest readRequest(const soci::row& r) {
    UpgradeRequest out;
    out.id = tiller::db::integerAt(r, 0);
    out.customerId = tiller::db::integerAt(r, 1);
    out.fromStatus = tiller::db::textAt(r, 2);
    out.toStatus = tiller::db::textAt(r, 3);
    out.approvalId = tiller::db::integerAt(r, 4);
    out.state = tiller::db::textAt(r, 5);
    out.note = tiller::db::textAt(r, 6);
    out.requestedAt = tiller::db::integerAt(r, 7);
    out.settledAt = tiller::db::optionalIntegerAt(r, 8);
    return out;
}

const char* kSelect =
    "SELECT id, customer_id, from_status, to_status, approval_id, state, note, requested_at, settled_at "
    "FROM contacts_status_request";

}  // namespace

std::string StatusUpgrades::flowFor(const tiller::plugin::Registry& registry, const std::string& typeCode) {
    std::string own = std::string(kDefaultFlow) + "." + typeCode;
    return !typeCode.empty() && registry.flow(own) ? own : kDefaultFlow;
}

bool StatusUpgrades::isUpgradeFlow(const std::string& flowId) {
    return flowId == kDefaultFlow || flowId.rfind(std::string(kDefaultFlow) + ".", 0) == 0;
}

std::optional<Status> StatusUpgrades::nextStatus(Status status) {
    if (status == Status::typical) return std::nullopt;
    return static_cast<Status>(static_cast<int>(status) + 1);
}

long long StatusUpgrades::requestNext(long long customerId) {
    tiller::record::Store store(host_, clock_);
    auto record = store.read(kEntity, customerId);
    auto current = statusFromCode(std::get<std::string>(record.value("status"))).value_or(Status::basic);
    auto next = nextStatus(current);
    if (!next) throw tiller::ValidationError("status", tr("this customer is already typical, the top of the ladder"));
    return request(customerId, *next);
}

long long StatusUpgrades::request(long long customerId, Status target) {
    host_.require("contacts.edit");
    tiller::record::Store store(host_, clock_);
    auto record = store.read(kEntity, customerId);  // NotFound outside the person's data scope
    auto current = statusFromCode(std::get<std::string>(record.value("status"))).value_or(Status::basic);
    auto [frozen, waiting] = host_.database().withSession([&](soci::session& s) {
        int f = 0;
        s << "SELECT frozen FROM contacts_customer WHERE id = :id", soci::use(customerId), soci::into(f);
        std::string to;
        soci::indicator toInd = soci::i_null;
        s << "SELECT to_status FROM contacts_status_request WHERE customer_id = :c AND state = 'pending'",
            soci::use(customerId), soci::into(to, toInd);
        return std::pair{f != 0, s.got_data() ? std::optional<std::string>(to) : std::nullopt};
    });
    if (frozen) throw tiller::ValidationError("status", tr("a frozen customer cannot be upgraded: unfreeze it first"));
    if (!isUpgrade(current, target))
        throw tiller::ValidationError(
            "status", fill(tr("an upgrade must go up the ladder, and this customer is already %s"), {statusName(current)}));
    if (auto next = nextStatus(current); target != *next)
        throw tiller::ValidationError("status", fill(tr("customers go up the ladder one status at a time: after %s comes %s"),
                                                     {statusName(current), statusName(*next)}));
    if (waiting)
        throw tiller::ValidationError(
            "status", fill(tr("an upgrade of this customer to %s is already waiting for approval"), {statusName(*waiting)}));

    std::string typeCode;
    if (const auto& type = record.value("type_id"); std::holds_alternative<long long>(type))
        typeCode = store.dictionaryCode(std::get<long long>(type));
    std::string flow = flowFor(host_.registry(), typeCode);
    std::string from(statusCode(current)), to(statusCode(target));
    long long approval = store.submit(kEntity, customerId, flow,
                                      {{"from_status", from}, {"to_status", to},
                                       {"to_rank", std::to_string(static_cast<int>(target))}});
    // A second transaction after the engine's: should it fail, the approval exists without its
    // request and approving it changes no status (the error says so).
    long long id = 0;
    try {
        id = host_.database().inTransaction([&](soci::session& s) {
            long long newId = 0, now = clock_.nowMs();
            auto by = host_.actingUser();
            long long byId = by.value_or(0);
            soci::indicator byInd = by ? soci::i_ok : soci::i_null;
            s << "INSERT INTO contacts_status_request (customer_id, from_status, to_status, approval_id, requested_by, "
                 "requested_at) VALUES (:c, :f, :t, :a, :b, :at) RETURNING id",
                soci::use(customerId), soci::use(from), soci::use(to), soci::use(approval), soci::use(byId, byInd),
                soci::use(now), soci::into(newId);
            return newId;
        });
    } catch (const std::exception& e) {
        throw tiller::Error("approval " + std::to_string(approval) + " was submitted but the upgrade request could not be kept: " +
                            e.what());
    }
    settle(customerId);  // a flow whose steps all are skipped approves at once
    return id;
}

int StatusUpgrades::settle(std::optional<long long> customerId) {
    auto pending = host_.database().withSession([&](soci::session& s) {
        std::vector<UpgradeRequest> out;
        if (customerId) {
            soci::rowset<soci::row> rows =
                (s.prepare << std::string(kSelect) + " WHERE state = 'pending' AND customer_id = :c ORDER BY id",
                 soci::use(*customerId));
            for (const auto& r : rows) out.push_back(readRequest(r));
        } else {
            soci::rowset<soci::row> rows = (s.prepare << std::string(kSelect) + " WHERE state = 'pending' ORDER BY id");
            for (const auto& r : rows) out.push_back(readRequest(r));
        }
        return out;
    });
    int settled = 0;
    for (const auto& r : pending) {
        std::string outcome, note;
        try {
            outcome = tiller::approval::Engine(host_, clock_).instance(r.approvalId).state;
        } catch (const tiller::NotFound&) {
            outcome = "void";
            note = tr("its approval no longer exists");
        }
        if (outcome == "pending") continue;
        bool changed = host_.database().withSession([&](soci::session& s) {
            tiller::db::Transaction transaction(s, tiller::db::Transaction::Mode::immediate);
            std::string state = outcome == "approved" ? "applied" : outcome;
            std::string status;
            int frozen = 0, version = 0;
            if (state == "applied") {
                s << "SELECT status, frozen, version FROM contacts_customer WHERE id = :id", soci::use(r.customerId),
                    soci::into(status), soci::into(frozen), soci::into(version);
                if (frozen) {
                    state = "void";
                    note = tr("the customer was frozen before the approval finished");
                } else if (status != r.fromStatus) {
                    state = "void";
                    note = fill(tr("the customer's status changed to %s before the approval finished"), {statusName(status)});
                }
            }
            long long now = clock_.nowMs();
            // Claimed by a conditional update: of two PCs settling at once, one does it.
            soci::statement claim = (s.prepare << "UPDATE contacts_status_request SET state = :st, note = :n, settled_at = :t "
                                                  "WHERE id = :id AND state = 'pending'",
                                     soci::use(state), soci::use(note), soci::use(now), soci::use(r.id));
            claim.execute(true);
            if (claim.get_affected_rows() != 1) return false;
            if (state == "applied")
                tiller::data::Records(s, host_.actingUser(), now)
                    .update("contacts_customer", kEntity, r.customerId, version, {{"status", r.toStatus}});
            transaction.commit();
            return state == "applied";
        });
        ++settled;
        if (changed) host_.events().publish(tiller::plugin::RecordSaved{kEntity, r.customerId});
    }
    return settled;
}

LadderPlace StatusUpgrades::place(long long customerId) {
    tiller::record::Store store(host_, clock_);
    auto record = store.read(kEntity, customerId);  // data scope
    LadderPlace out;
    out.status = statusFromCode(std::get<std::string>(record.value("status"))).value_or(Status::basic);
    out.next = nextStatus(out.status);
    std::string typeCode;
    if (const auto& type = record.value("type_id"); std::holds_alternative<long long>(type))
        typeCode = store.dictionaryCode(std::get<long long>(type));
    out.flowId = flowFor(host_.registry(), typeCode);
    host_.database().withSession([&](soci::session& s) {
        int f = 0;
        s << "SELECT frozen FROM contacts_customer WHERE id = :id", soci::use(customerId), soci::into(f);
        out.frozen = f != 0;
        std::string to;
        s << "SELECT to_status FROM contacts_status_request WHERE customer_id = :c AND state = 'pending'",
            soci::use(customerId), soci::into(to);
        if (s.got_data()) out.waiting = statusFromCode(to);
    });
    return out;
}

std::vector<UpgradeRequest> StatusUpgrades::requests(long long customerId) {
    tiller::record::Store(host_, clock_).read(kEntity, customerId);  // data scope
    return host_.database().withSession([&](soci::session& s) {
        std::vector<UpgradeRequest> out;
        soci::rowset<soci::row> rows =
            (s.prepare << std::string(kSelect) + " WHERE customer_id = :c ORDER BY id DESC", soci::use(customerId));
        for (const auto& r : rows) out.push_back(readRequest(r));
        return out;
    });
}

tiller::plugin::EventBus::Subscription StatusUpgrades::follow(tiller::plugin::Host& host, const tiller::Clock& clock) {
    return host.events().subscribe<tiller::approval::ApprovalFinished>(
        [&host, &clock](const tiller::approval::ApprovalFinished& done) {
            if (done.entity == kEntity && isUpgradeFlow(done.flowId)) StatusUpgrades(host, clock).settle(done.recordId);
        });
}

}  // namespace contacts
