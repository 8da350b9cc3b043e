#include "core/customer_merger.hpp"

#include <tiller/approval/engine.hpp>
#include <tiller/data/records.hpp>
#include <tiller/db/row.hpp>
#include <tiller/errors.hpp>

#include <algorithm>

namespace contacts {
namespace {

using tiller::data::FieldChange;
using tiller::db::integerAt;

constexpr const char* kCustomer = "contacts.customer";

bool mergeable(const tiller::record::Field& f) {
    return tiller::record::hasColumn(f.type) && !f.readOnly && f.enabled;
}

std::vector<std::pair<long long, int>> rowsOf(soci::session& s, const std::string& table, long long customerId) {
    std::vector<std::pair<long long, int>> out;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, version FROM " + table + " WHERE customer_id = :id ORDER BY id", soci::use(customerId));
    for (const auto& r : rows) out.emplace_back(integerAt(r, 0), static_cast<int>(integerAt(r, 1)));
    return out;
}

}  // namespace

CustomerMerger::CustomerMerger(tiller::plugin::Host& host, const tiller::Clock& clock)
    : host_(host), clock_(clock), store_(host, clock) {}

std::vector<const tiller::record::Field*> CustomerMerger::fields() {
    std::vector<const tiller::record::Field*> out;
    for (const auto& f : store_.entity(kCustomer).fields)
        if (mergeable(f)) out.push_back(&f);
    return out;
}

MergeReport CustomerMerger::merge(const MergeRequest& request) {
    host_.require("contacts.merge");
    host_.require("contacts.edit");
    if (request.keepId == request.otherId)
        throw tiller::ValidationError("other", "a customer cannot be merged into itself");
    const auto& entity = store_.entity(kCustomer);
    // Both must be visible to the person (NotFound otherwise) and free of a locking approval.
    auto keep = store_.read(kCustomer, request.keepId);
    auto other = store_.read(kCustomer, request.otherId);
    tiller::approval::Engine approvals(host_, clock_);
    for (long long id : {request.keepId, request.otherId})
        if (approvals.isLocked(kCustomer, id))
            throw tiller::Conflict(store_.recordTitle(kCustomer, id) +
                                   " is waiting for approval and cannot be merged until the approval ends");

    tiller::data::Values taken;
    for (const auto& name : request.takeFromOther) {
        const auto* f = entity.field(name);
        if (!f || !mergeable(*f)) throw tiller::ValidationError(name, "is not a field a merge can take from the other customer");
        taken.emplace_back(name, other.value(name));
    }
    const int keepVersion = request.keepVersion ? request.keepVersion : keep.version;
    const int otherVersion = request.otherVersion ? request.otherVersion : other.version;
    const std::string otherName = tiller::data::displayValue(other.value("name"));

    // What the audit keeps of B: every value it had, and what moved where.
    std::vector<FieldChange> audit{{"merged_customer", "", std::to_string(request.otherId) + ": " + otherName}};
    std::string takenNames;
    for (const auto& [name, value] : taken) takenNames += (takenNames.empty() ? "" : ", ") + name;
    if (!takenNames.empty()) audit.push_back({"taken_from_merged", "", takenNames});
    std::vector<std::string> columns;
    for (const auto* f : tiller::record::columnFields(entity)) {
        columns.push_back(f->name);
        std::string value = tiller::data::displayValue(other.value(f->name));
        if (!value.empty()) audit.push_back({"merged." + f->name, "", value});
    }

    MergeReport report;
    report.keptId = request.keepId;
    const auto& registry = host_.registry();
    host_.database().inTransaction([&](soci::session& s) {
        tiller::data::Records records(s, host_.actingUser(), clock_.nowMs());
        // An update without changes only checks the version: B as the person saw it.
        records.update(entity.table, kCustomer, request.otherId, otherVersion, {});
        records.update(entity.table, kCustomer, request.keepId, keepVersion, taken);

        // Contacts and addresses change customer through the audited path, one by one, and
        // the plugins' record hooks keep their indexes in step.
        auto move = [&](const std::string& table, const std::string& childEntity) {
            long long moved = 0;
            for (const auto& [id, version] : rowsOf(s, table, request.otherId)) {
                records.update(table, childEntity, id, version, {{"customer_id", request.keepId}});
                for (const auto* hook : registry.hooksFor(childEntity))
                    if (hook->afterWrite) hook->afterWrite(host_, s, id, false);
                ++moved;
            }
            return moved;
        };
        report.contactsMoved = move("contacts_contact", "contacts.contact");
        report.addressesMoved = move("contacts_address", "contacts.address");
        {
            const std::string owner = kCustomer;  // bound by reference until execute()
            soci::statement files = (s.prepare << "UPDATE core_attachment SET record_id = :keep "
                                                  "WHERE entity = :e AND record_id = :other",
                                     soci::use(request.keepId), soci::use(owner), soci::use(request.otherId));
            files.execute(true);
            report.filesMoved = files.get_affected_rows();
        }
        for (const auto* hook : registry.mergeHooksFor(kCustomer))
            report.movedByPlugins.emplace_back(hook->id, hook->move(host_, s, request.otherId, request.keepId));

        // B goes the way every delete goes: a plugin that still has rows on it may refuse.
        std::vector<std::string> reasons;
        for (const auto* hook : registry.hooksFor(kCustomer))
            if (hook->refuseDelete)
                if (auto reason = hook->refuseDelete(host_, s, request.otherId)) reasons.push_back(*reason);
        if (!reasons.empty()) {
            std::string all;
            for (const auto& r : reasons) all += (all.empty() ? "" : "; ") + r;
            throw tiller::Conflict(otherName + " cannot be merged away: " + all);
        }
        for (const auto* hook : registry.hooksFor(kCustomer))
            if (hook->beforeDelete) hook->beforeDelete(host_, s, request.otherId);
        // B's own entries in the phone and search indexes go with it (its contacts keep theirs).
        s << "DELETE FROM contacts_phone WHERE owner_kind = 'customer' AND owner_id = :id", soci::use(request.otherId);
        s << "DELETE FROM contacts_search WHERE kind = 'customer' AND record_id = :id", soci::use(request.otherId);
        records.remove(entity.table, kCustomer, request.otherId, columns);

        // A's indexes follow its new values (and its new contacts).
        for (const auto* hook : registry.hooksFor(kCustomer))
            if (hook->afterWrite) hook->afterWrite(host_, s, request.keepId, false);

        audit.push_back({"moved.contacts", "", std::to_string(report.contactsMoved)});
        audit.push_back({"moved.addresses", "", std::to_string(report.addressesMoved)});
        audit.push_back({"moved.files", "", std::to_string(report.filesMoved)});
        for (const auto& [hook, count] : report.movedByPlugins) audit.push_back({"moved." + hook, "", std::to_string(count)});
        // core_audit allows create, update and delete: the merge is an update of A whose first
        // change, merged_customer, says what it was.
        records.audit(kCustomer, request.keepId, "update", audit);
    });
    host_.events().publish(tiller::plugin::RecordSaved{kCustomer, request.keepId});
    return report;
}

}  // namespace contacts
