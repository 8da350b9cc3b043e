#include "core/customer_timeline.hpp"

#include <tiller/db/row.hpp>
#include <tiller/errors.hpp>

#include <nlohmann/json.hpp>

namespace contacts {

std::vector<TimelineEntry> customerTimeline(tiller::plugin::Host& host, long long customerId, int limit) {
    host.require("contacts.view");
    if (!host.canSee("contacts_customer", customerId))
        throw tiller::NotFound("customer " + std::to_string(customerId) + " does not exist or is not yours to see");
    using tiller::db::integerAt;
    using tiller::db::textAt;
    return host.database().withSession([&](soci::session& s) {
        std::vector<TimelineEntry> out;
        // Three probes of the audit's (entity, record_id, at) index, merged by time.
        soci::rowset<soci::row> rows =
            (s.prepare << "SELECT a.entity, a.record_id, a.at, a.action, a.user_id, COALESCE(u.name, ''), a.changes "
                          "FROM core_audit a LEFT JOIN core_user u ON u.id = a.user_id "
                          "WHERE (a.entity = 'contacts.customer' AND a.record_id = :c1) "
                          "OR (a.entity = 'contacts.contact' AND a.record_id IN (SELECT id FROM contacts_contact WHERE customer_id = :c2)) "
                          "OR (a.entity = 'contacts.address' AND a.record_id IN (SELECT id FROM contacts_address WHERE customer_id = :c3)) "
                          "ORDER BY a.at DESC, a.id DESC LIMIT " + std::to_string(limit),
             soci::use(customerId, "c1"), soci::use(customerId, "c2"), soci::use(customerId, "c3"));
        for (const auto& r : rows) {
            TimelineEntry e;
            e.entity = textAt(r, 0);
            e.recordId = integerAt(r, 1);
            e.change.at = integerAt(r, 2);
            e.change.action = textAt(r, 3);
            e.change.userId = tiller::db::optionalIntegerAt(r, 4);
            e.change.userName = textAt(r, 5);
            for (const auto& c : nlohmann::json::parse(textAt(r, 6), nullptr, false))
                if (c.is_object()) e.change.changes.push_back({c.value("field", ""), c.value("old", ""), c.value("new", "")});
            out.push_back(std::move(e));
        }
        return out;
    });
}

}  // namespace contacts
