#include <tiller/record/approval_states.hpp>

#include <tiller/approval/engine.hpp>
#include <tiller/data/records.hpp>

namespace tiller::record {

plugin::EventBus::Subscription followApprovals(plugin::Host& host, const Clock& clock) {
    return host.events().subscribe<approval::ApprovalFinished>([&host, &clock](const approval::ApprovalFinished& done) {
        const Entity* e = host.registry().entity(done.entity);
        if (!e || e->stateField.empty()) return;
        host.database().inTransaction([&](soci::session& s) {
            int version = 0;
            s << "SELECT version FROM " + e->table + " WHERE id = :id", soci::use(done.recordId), soci::into(version);
            if (!s.got_data()) return;  // deleted meanwhile: nothing to mark
            data::Records(s, host.actingUser(), clock.nowMs())
                .update(e->table, e->id, done.recordId, version, {{e->stateField, done.state}});
        });
    });
}

}  // namespace tiller::record
