// Approval flows declared in YAML by plugins (SPEC §8):
//
//   id: hello.greeting_approval
//   entity: hello.greeting
//   name: Greeting approval
//   lock_record: true                 # no editing while in approval
//   fields: {amount: number, currency: text}   # optional: what a submission carries
//   steps:
//     - name: Department head
//       approver: {department_head: true}   # or {role: sales} / {user: zhangsan} / {owner: true}
//       when: amount > 1000                 # optional: field op value [and ...]
//     - name: General manager
//       approver: {role: administrator}
//   on_approve: approved              # the record's state afterwards
//   on_reject: rejected               # or: return (back to the submitter) / abnormal
//
// The administrator may replace a plugin's flow with an edited one (approval::FlowBook); the
// edited flow is kept as YAML written by toYaml() and read back by parseFlow().
#pragma once

#include <tiller/errors.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace tiller::approval {

struct Condition {
    std::string field, op, value;  // op: = != > >= < <=
};

struct Step {
    std::string name;
    enum class Approver { role, user, departmentHead, owner } approver = Approver::role;
    std::string who;  // role key or login
    std::vector<Condition> when;  // all must hold; empty = always
    bool appliesTo(const std::map<std::string, std::string>& fields) const;
};

// A field a submission carries, which conditions may test. A flow that declares none lets
// conditions name any field.
struct FlowField {
    std::string name;
    enum class Kind { number, text } kind = Kind::text;
};

struct Flow {
    std::string id, entity, name;
    bool lockRecord = true;
    std::vector<FlowField> fields;
    std::vector<Step> steps;
    std::string onApprove = "approved";
    std::string onReject = "rejected";  // rejected, return or abnormal
};

// A flow that breaks a rule: `step` is the step concerned (0-based, -1 for the flow as a
// whole) and key() the YAML key, so a message can point at the line of a file.
class FlowError : public ValidationError {
public:
    FlowError(int step, const std::string& key, const std::string& reason) : ValidationError(key, reason), step_(step) {}
    int step() const { return step_; }

private:
    int step_;
};

// Throws ConfigError naming the file, the line and the key.
Flow readFlow(const std::filesystem::path& file);
// The same from text (`source` names it in messages).
Flow parseFlow(const std::string& yaml, const std::string& source);

// The rules every flow follows, whoever wrote it (the parser applies them too): an id, an
// entity, at least one named step, an approver for each, conditions of the form
// `field op value` on declared fields with values that fit, and a known on_reject.
// Throws FlowError naming the step.
void checkFlow(const Flow& flow);

// The flow as YAML in the form above; parseFlow(toYaml(f)) gives f back.
std::string toYaml(const Flow& flow);
// "amount > 1000 and currency = 'CNY'" (as written under `when:`).
std::string conditionText(const std::vector<Condition>& when);

// A FlowError about `yaml` (the text `source` names) as a ConfigError with the line of the
// step and key concerned.
ConfigError locate(const FlowError& error, const std::string& yaml, const std::string& source);

}  // namespace tiller::approval
