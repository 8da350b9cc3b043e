// The approval flows in force (SPEC §8.1): each is its plugin's YAML unless the administrator
// saved an edited version, kept in core_approval_flow_override until it is reset. Saving
// checks the whole flow (the parser's rules, plus: every role exists, every user exists and is
// active, the id and the entity stay those of the plugin's flow) and is audited, as is a reset.
// Approvals already in progress keep the flow they started with (Engine stores it with them).
#pragma once

#include <tiller/approval/flow.hpp>
#include <tiller/clock.hpp>
#include <tiller/plugin/host.hpp>

#include <string>
#include <vector>

namespace tiller::approval {

struct FlowEntry {
    Flow flow;               // in force: the administrator's version if saved, else the plugin's
    bool customised = false;
    int version = 0;         // of the saved version; 0 while the plugin's is in force
    std::string owner;       // the plugin that declares the flow
};

class FlowBook {
public:
    // Needed to change a flow; administrators have it.
    static constexpr const char* kPermission = "core.flows";
    // The audit trail's entity for saved flows.
    static constexpr const char* kAuditEntity = "core.approval_flow";

    FlowBook(plugin::Host& host, const Clock& clock) : host_(host), clock_(clock) {}

    // Every flow the running plugins declare, in force, in the order declared.
    std::vector<FlowEntry> flows() const;
    // Throws ValidationError for a flow no running plugin declares.
    FlowEntry find(const std::string& id) const;
    const Flow& declared(const std::string& id) const;

    // Throws FlowError naming the step and the approver when a role or a user the flow names
    // does not exist (or the user is disabled).
    void checkApprovers(const Flow& flow) const;

    // Replaces the flow `id` in force with `edited` if the saved version is still
    // `expectedVersion` (Conflict otherwise; 0 = the plugin's is in force). Throws FlowError for
    // a flow that breaks a rule (its id, entity and fields must stay the plugin's),
    // PermissionDenied without core.flows.
    void save(const std::string& id, const Flow& edited, int expectedVersion);
    // Puts the plugin's flow back in force (nothing to do when it already is).
    void reset(const std::string& id);

private:
    plugin::Host& host_;
    const Clock& clock_;
};

}  // namespace tiller::approval
