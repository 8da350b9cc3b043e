#include "pool_recall.hpp"
#include "pool_text.hpp"
#include "write_transaction.hpp"
#include "public_pool.hpp"

#include <tiller/data/records.hpp>
#include <tiller/db/row.hpp>
#include <tiller/errors.hpp>
#include <tiller/messages/message_box.hpp>
#include <tiller/settings_store.hpp>

namespace contacts {
namespace {

using pool_text::fill;
using pool_text::tr;

constexpr const char* kSetting = "pool_recall_days";
constexpr long long kDayMs = 86'400'000;

// What may be recalled, besides being idle: not yet a successful customer, not frozen; a lead
// still being worked. The idle expression is the one the recall indexes of migration 005 use.
// The other conditions are written so that no other index matches them ((status || '') and
// COALESCE(...) = 0): SQLite without statistics would otherwise walk half the table through
// the status index instead of the few idle rows through the recall index (0.1 s against
// 0.001 s at 200,000 customers).
const char* kIdle = "COALESCE(last_follow_up_at, assigned_at, created_at)";
std::string eligible(const std::string& entity) {
    if (entity == kCustomerEntity) return "(status || '') IN ('invalid', 'basic', 'potential') AND frozen = 0";
    return "COALESCE(converted_customer_id, 0) = 0 AND (status_id IS NULL OR status_id IN (SELECT id FROM "
           "core_dictionary_value WHERE kind = 'contacts.lead_status' AND code IN ('new', 'contacted', 'qualified')))";
}

}  // namespace

int PoolRecall::days() const {
    auto text = tiller::SettingsStore(host_.database(), "contacts").get(kSetting);
    if (!text) return kDefaultDays;
    try {
        return std::stoi(*text);
    } catch (const std::exception&) {
        return kDefaultDays;
    }
}

void PoolRecall::setDays(int days) {
    host_.require(kPoolPermission);
    if (days < 0 || days > kMaxDays)
        throw tiller::ValidationError("days", fill(tr("must be between 0 (never recall) and %s"), {std::to_string(kMaxDays)}));
    tiller::SettingsStore(host_.database(), "contacts").set(kSetting, std::to_string(days));
}

std::vector<RecalledRecord> PoolRecall::candidates(const std::string& entity, long long cutoff) {
    std::string table = poolTable(entity);
    return host_.database().withSession([&](soci::session& s) {
        std::vector<RecalledRecord> out;
        soci::rowset<soci::row> rows =
            (s.prepare << "SELECT id, name, owner_id, " + std::string(kIdle) + " FROM " + table +
                              " WHERE owner_id IS NOT NULL AND " + kIdle + " < :cutoff AND " + eligible(entity) + " ORDER BY id",
             soci::use(cutoff));
        for (const auto& r : rows)
            out.push_back({entity, tiller::db::integerAt(r, 0), tiller::db::textAt(r, 1), tiller::db::integerAt(r, 2), "",
                           tiller::db::integerAt(r, 3)});
        for (auto& c : out) c.formerOwnerName = userName(s, c.formerOwner);
        return out;
    });
}

RecallReport PoolRecall::run(bool dryRun) {
    RecallReport report;
    report.days = days();
    report.dryRun = dryRun;
    if (report.days <= 0) return report;
    long long now = clock_.nowMs();
    long long cutoff = now - report.days * kDayMs;
    std::vector<RecalledRecord> due;
    for (const char* entity : {kCustomerEntity, kLeadEntity})
        for (auto& c : candidates(entity, cutoff)) due.push_back(std::move(c));
    if (dryRun) {
        report.recalled = std::move(due);
        return report;
    }
    // In chunks: one transaction each, so a large first recall neither holds the database for
    // long nor loses everything to one failure.
    constexpr std::size_t kChunk = 200;
    for (std::size_t from = 0; from < due.size(); from += kChunk) {
        std::vector<RecalledRecord> done;
        inWriteTransaction(host_.database(), [&](soci::session& s) {
            done.clear();
            tiller::data::Records records(s, std::nullopt, now);  // the system, not a person
            for (std::size_t i = from; i < due.size() && i < from + kChunk; ++i) {
                const auto& c = due[i];
                std::string table = poolTable(c.entity);
                // Only if nothing happened to it since it was found: same owner, still idle.
                soci::row row;
                s << "SELECT version FROM " + table + " WHERE id = :id AND owner_id = :o AND " + kIdle + " < :cutoff",
                    soci::use(c.id), soci::use(c.formerOwner), soci::use(cutoff), soci::into(row);
                if (!s.got_data()) continue;
                int version = static_cast<int>(tiller::db::integerAt(row, 0));
                try {
                    records.update(table, c.entity, c.id, version, {{"owner_id", tiller::data::Value()}, {"assigned_at", tiller::data::Value()}});
                } catch (const tiller::Conflict&) {
                    continue;  // another PC recalled it (or someone saved it) this very moment
                }
                records.audit(c.entity, c.id, "update",
                              {{"recalled_to_pool", c.formerOwnerName, fill(tr("no follow-up for %s days"), {std::to_string(report.days)})}});
                if (c.entity == kCustomerEntity) moveContactsWith(s, c.id, std::nullopt);
                tiller::messages::NewMessage message;
                message.userId = c.formerOwner;
                message.kind = tiller::messages::Kind::system;
                message.title = fill(tr("Returned to the public pool: %s"), {c.title});
                message.body = fill(tr("%s had no follow-up for %s days and went back to the public pool, where a colleague may claim it."),
                                    {c.title, std::to_string(report.days)});
                message.entity = c.entity;
                message.recordId = c.id;
                tiller::messages::MessageBox::deliver(s, message, now);
                done.push_back(c);
            }
        });
        for (auto& c : done) {
            host_.events().publish(tiller::plugin::RecordSaved{c.entity, c.id});
            report.recalled.push_back(std::move(c));
        }
    }
    return report;
}

}  // namespace contacts
