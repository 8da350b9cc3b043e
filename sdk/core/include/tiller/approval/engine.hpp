// The one approval engine for every plugin (SPEC §8): a record is submitted to a flow, each
// step waits for its approver (a role, a user, the submitter's department head, the record's
// owner), steps whose condition does not hold are skipped, and the last approval or any
// rejection finishes it. Instances and every action are kept in the database; a finished
// approval is announced as an ApprovalFinished event.
//
// A submission follows the flow in force (the administrator's edited version, else the
// plugin's: see FlowBook) and keeps a copy of it: editing a flow later never changes the steps
// of an approval already in progress. A flow naming a role or user that does not exist is
// refused at submission, naming the step and the approver.
#pragma once

#include <tiller/approval/flow.hpp>
#include <tiller/clock.hpp>
#include <tiller/plugin/host.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tiller::approval {

struct Instance {
    long long id = 0;
    std::string flowId, entity;
    long long recordId = 0;
    std::optional<long long> submitterId, ownerId;
    std::string state;  // pending, approved, rejected, returned, abnormal
    int currentStep = 0;
    std::string currentStepName;
    std::map<std::string, std::string> fields;
    int version = 1;
    std::string flowDefinition;  // the flow as YAML when it was submitted ("" before migration 9)
};

struct HistoryEntry {
    int step = 0;
    std::string stepName, action, comment, actorName;
    long long at = 0;
};

struct ApprovalFinished {
    static constexpr const char* kEventId = "tiller.ApprovalFinished";
    std::string flowId, entity;
    long long recordId = 0;
    std::string state;  // the flow's on_approve value, or rejected / returned / abnormal
};

class Engine {
public:
    Engine(plugin::Host& host, const Clock& clock);

    // Throws ValidationError when the record already waits for approval or the flow is unknown.
    long long submit(const std::string& flowId, long long recordId, std::optional<long long> ownerId,
                     const std::map<std::string, std::string>& fields);
    // Only an approver of the current step may act (PermissionDenied otherwise).
    void approve(long long instanceId, const std::string& comment);
    void reject(long long instanceId, const std::string& comment);

    std::vector<Instance> inbox();  // waiting for the signed-in person (待办)
    std::vector<HistoryEntry> history(const std::string& entity, long long recordId);
    std::optional<Instance> pendingFor(const std::string& entity, long long recordId);
    // One approval by id, whatever its state (NotFound when there is none): how a plugin learns
    // the outcome of an approval whose ApprovalFinished it did not see (it was not running).
    Instance instance(long long instanceId) { return load(instanceId); }
    // True while a flow that locks its records waits on this one: edits must be refused.
    bool isLocked(const std::string& entity, long long recordId);

private:
    // The flow an instance follows: the copy it was submitted with.
    Flow flowOf(const Instance& instance) const;
    std::optional<int> nextStep(const Flow& flow, int from, const std::map<std::string, std::string>& fields) const;
    bool mayApprove(const Flow& flow, const Instance& instance, long long userId);
    Instance load(long long id);
    // Records `action` on the current step and moves the instance to `state` at `toStep`,
    // refusing a concurrent change; announces the end of the flow.
    void move(const Flow& flow, Instance& instance, const std::string& state, int toStep, const std::string& action,
              const std::string& comment);
    void record(soci::session& s, long long instanceId, int step, const std::string& stepName,
                const std::string& action, const std::string& comment);

    plugin::Host& host_;
    const Clock& clock_;
};

}  // namespace tiller::approval
