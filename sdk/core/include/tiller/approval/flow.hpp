// Approval flows declared in YAML by plugins (SPEC §8):
//
//   id: hello.greeting_approval
//   entity: hello.greeting
//   name: Greeting approval
//   lock_record: true                 # no editing while in approval
//   steps:
//     - name: Department head
//       approver: {department_head: true}   # or {role: sales} / {user: zhangsan} / {owner: true}
//       when: amount > 1000                 # optional: field op value [and ...]
//     - name: General manager
//       approver: {role: administrator}
//   on_approve: approved              # the record's state afterwards
//   on_reject: rejected               # or: return (back to the submitter) / abnormal
#pragma once

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

struct Flow {
    std::string id, entity, name;
    bool lockRecord = true;
    std::vector<Step> steps;
    std::string onApprove = "approved";
    std::string onReject = "rejected";  // rejected, return or abnormal
};

// Throws ConfigError naming the file, the line and the key.
Flow readFlow(const std::filesystem::path& file);
// The same from text (`source` names it in messages).
Flow parseFlow(const std::string& yaml, const std::string& source);

}  // namespace tiller::approval
