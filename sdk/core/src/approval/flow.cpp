#include <tiller/approval/flow.hpp>
#include <tiller/errors.hpp>

#include "../config/yaml_reader.hpp"

#include <regex>
#include <fstream>
#include <set>

namespace tiller::approval {
namespace {

bool isNumber(const std::string& text) {
    static const std::regex number(R"(-?\d+(\.\d+)?)");
    return std::regex_match(text, number);
}

std::vector<Condition> parseCondition(const config::YamlReader& r, const YAML::Node& node) {
    std::string text = r.scalar(node, "when");
    static const std::regex clause(R"(\s*([a-z_][a-z0-9_]*)\s*(=|!=|>=|<=|>|<)\s*('[^']*'|-?\d+(?:\.\d+)?)\s*)");
    std::vector<Condition> out;
    std::size_t start = 0;
    while (true) {
        auto andAt = text.find(" and ", start);
        std::string part = text.substr(start, andAt == std::string::npos ? std::string::npos : andAt - start);
        std::smatch m;
        if (!std::regex_match(part, m, clause))
            r.fail(node, "when", "'" + part + "' is not a condition like amount > 1000 or type = 'vip'");
        std::string value = m[3];
        if (value.front() == '\'') value = value.substr(1, value.size() - 2);
        out.push_back({m[1], m[2], value});
        if (andAt == std::string::npos) break;
        start = andAt + 5;
    }
    return out;
}

}  // namespace

bool Step::appliesTo(const std::map<std::string, std::string>& fields) const {
    for (const auto& c : when) {
        auto it = fields.find(c.field);
        std::string actual = it == fields.end() ? "" : it->second;
        int order;
        if (isNumber(actual) && isNumber(c.value)) {
            double a = std::stod(actual), b = std::stod(c.value);
            order = a < b ? -1 : a > b ? 1 : 0;
        } else {
            order = actual < c.value ? -1 : actual > c.value ? 1 : 0;
        }
        bool holds = c.op == "=" ? order == 0 : c.op == "!=" ? order != 0 : c.op == ">" ? order > 0
                   : c.op == ">=" ? order >= 0 : c.op == "<" ? order < 0 : order <= 0;
        if (!holds) return false;
    }
    return true;
}

Flow parseFlow(const std::string& yaml, const std::string& source) {
    config::YamlReader r{source};
    YAML::Node root;
    try {
        root = YAML::Load(yaml);
    } catch (const YAML::Exception& e) {
        throw ConfigError(source, e.mark.is_null() ? 0 : e.mark.line + 1, "", "is not valid YAML: " + e.msg);
    }
    if (!root.IsMap()) throw ConfigError(source, 1, "", "must be a map (id, entity, steps ...)");
    static const std::set<std::string> keys = {"id", "entity", "name", "lock_record", "steps", "on_approve", "on_reject"};
    for (const auto& e : root)
        if (!keys.count(e.first.Scalar())) r.fail(e.first, e.first.Scalar(), "is not a flow key");
    Flow f;
    for (const char* key : {"id", "entity", "steps"})
        if (!root[key]) throw ConfigError(source, 0, key, "is missing");
    f.id = r.scalar(root["id"], "id");
    f.entity = r.scalar(root["entity"], "entity");
    f.name = root["name"] ? r.scalar(root["name"], "name") : f.id;
    if (root["lock_record"]) {
        auto lock = r.scalar(root["lock_record"], "lock_record");
        if (lock != "true" && lock != "false") r.fail(root["lock_record"], "lock_record", "must be true or false");
        f.lockRecord = lock == "true";
    }
    if (root["on_approve"]) f.onApprove = r.scalar(root["on_approve"], "on_approve");
    if (root["on_reject"]) {
        f.onReject = r.scalar(root["on_reject"], "on_reject");
        if (f.onReject != "rejected" && f.onReject != "return" && f.onReject != "abnormal")
            r.fail(root["on_reject"], "on_reject", "must be rejected, return or abnormal");
    }
    const auto& steps = root["steps"];
    if (!steps.IsSequence() || steps.size() == 0) r.fail(steps, "steps", "must be a list of at least one step");
    for (const auto& s : steps) {
        if (!s.IsMap() || !s["name"] || !s["approver"]) r.fail(s, "steps", "each step needs a name and an approver");
        Step step;
        step.name = r.scalar(s["name"], "steps");
        const auto& a = s["approver"];
        if (!a.IsMap() || a.size() != 1) r.fail(a, "approver", "must be one of {role: R}, {user: LOGIN}, {department_head: true}, {owner: true}");
        std::string kind = a.begin()->first.Scalar();
        std::string value = r.scalar(a.begin()->second, "approver");
        if (kind == "role") step.approver = Step::Approver::role, step.who = value;
        else if (kind == "user") step.approver = Step::Approver::user, step.who = value;
        else if (kind == "department_head" && value == "true") step.approver = Step::Approver::departmentHead;
        else if (kind == "owner" && value == "true") step.approver = Step::Approver::owner;
        else r.fail(a, "approver", "'" + kind + "' is not role, user, department_head or owner");
        if (s["when"]) step.when = parseCondition(r, s["when"]);
        f.steps.push_back(step);
    }
    return f;
}

Flow readFlow(const std::filesystem::path& file) {
    config::YamlReader r{file.string()};
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ConfigError(file.string(), 0, "", "cannot be read");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return parseFlow(text, file.string());
}

}  // namespace tiller::approval
