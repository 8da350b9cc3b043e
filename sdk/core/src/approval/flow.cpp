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

const std::regex& identifier() {
    static const std::regex form("[a-z_][a-z0-9_]*");
    return form;
}

std::string stepLabel(size_t index, const Step& step) {
    return "step " + std::to_string(index + 1) + (step.name.empty() ? "" : " '" + step.name + "'");
}

void checkCondition(const Flow& f, size_t index, const Condition& c) {
    int at = static_cast<int>(index);
    std::string where = stepLabel(index, f.steps[index]) + ": ";
    static const std::set<std::string> ops = {"=", "!=", ">", ">=", "<", "<="};
    if (!std::regex_match(c.field, identifier()))
        throw FlowError(at, "when", where + "'" + c.field + "' is not a field name (lower case letters, digits and _)");
    if (!ops.count(c.op)) throw FlowError(at, "when", where + "'" + c.op + "' is not one of = != > >= < <=");
    if (c.value.empty()) throw FlowError(at, "when", where + "the condition on '" + c.field + "' needs a value");
    if (c.value.find('\'') != std::string::npos || c.value.find('\n') != std::string::npos ||
        c.value.find(" and ") != std::string::npos)
        throw FlowError(at, "when", where + "the value '" + c.value + "' cannot contain a quote, a line break or ' and '");
    if (f.fields.empty()) return;
    std::string names;
    for (const auto& field : f.fields) {
        if (field.name == c.field) {
            if (field.kind == FlowField::Kind::number && !isNumber(c.value))
                throw FlowError(at, "when", where + "'" + c.value + "' is not a number, and '" + c.field + "' is a number");
            return;
        }
        names += (names.empty() ? "" : ", ") + field.name;
    }
    throw FlowError(at, "when", where + "'" + c.field + "' is not a field of this flow (" + names + ")");
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

void checkFlow(const Flow& f) {
    if (f.id.empty()) throw FlowError(-1, "id", "a flow needs an id");
    if (f.entity.empty()) throw FlowError(-1, "entity", "a flow needs the kind of record it approves");
    std::set<std::string> seen;
    for (const auto& field : f.fields) {
        if (!std::regex_match(field.name, identifier()))
            throw FlowError(-1, "fields", "'" + field.name + "' is not a field name (lower case letters, digits and _)");
        if (!seen.insert(field.name).second) throw FlowError(-1, "fields", "'" + field.name + "' is declared twice");
    }
    if (f.steps.empty()) throw FlowError(-1, "steps", "a flow needs at least one step");
    for (size_t i = 0; i < f.steps.size(); ++i) {
        const auto& step = f.steps[i];
        int at = static_cast<int>(i);
        if (step.name.find_first_not_of(" \t") == std::string::npos)
            throw FlowError(at, "name", "step " + std::to_string(i + 1) + " needs a name");
        bool named = step.approver == Step::Approver::role || step.approver == Step::Approver::user;
        if (named && step.who.find_first_not_of(" \t") == std::string::npos)
            throw FlowError(at, "approver", stepLabel(i, step) + ": choose the " +
                                                (step.approver == Step::Approver::role ? "role" : "user") + " who approves");
        for (const auto& c : step.when) checkCondition(f, i, c);
    }
    if (f.onApprove.find_first_not_of(" \t") == std::string::npos)
        throw FlowError(-1, "on_approve", "must name the record's state after approval");
    if (f.onReject != "rejected" && f.onReject != "return" && f.onReject != "abnormal")
        throw FlowError(-1, "on_reject", "must be rejected, return or abnormal");
}

ConfigError locate(const FlowError& error, const std::string& yaml, const std::string& source) {
    int line = 0;
    try {
        const YAML::Node root = YAML::Load(yaml);
        YAML::Node node;
        if (error.step() >= 0 && root.IsMap() && root["steps"] && root["steps"].IsSequence() &&
            static_cast<size_t>(error.step()) < root["steps"].size()) {
            const YAML::Node step = root["steps"][static_cast<size_t>(error.step())];
            node = step.IsMap() && step[error.field()] ? step[error.field()] : step;
        } else if (root.IsMap() && root[error.field()]) {
            node = root[error.field()];
        }
        if (node && !node.Mark().is_null()) line = node.Mark().line + 1;
    } catch (const YAML::Exception&) {
    }
    return ConfigError(source, line, error.field(), error.reason());
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
    static const std::set<std::string> keys = {"id", "entity", "name", "lock_record", "fields", "steps", "on_approve", "on_reject"};
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
    if (const auto& fields = root["fields"]) {
        if (!fields.IsMap()) r.fail(fields, "fields", "must be a map of field: number or field: text");
        for (const auto& e : fields) {
            auto kind = r.scalar(e.second, "fields");
            if (kind != "number" && kind != "text") r.fail(e.second, "fields", "'" + kind + "' must be number or text");
            f.fields.push_back({e.first.Scalar(), kind == "number" ? FlowField::Kind::number : FlowField::Kind::text});
        }
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
        for (const auto& e : s)
            if (e.first.Scalar() != "name" && e.first.Scalar() != "approver" && e.first.Scalar() != "when")
                r.fail(e.first, e.first.Scalar(), "is not a step key (name, approver, when)");
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
    try {
        checkFlow(f);
    } catch (const FlowError& e) {
        throw locate(e, yaml, source);
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

std::string conditionText(const std::vector<Condition>& when) {
    std::string text;
    for (const auto& c : when) {
        if (!text.empty()) text += " and ";
        text += c.field + " " + c.op + " " + (isNumber(c.value) ? c.value : "'" + c.value + "'");
    }
    return text;
}

std::string toYaml(const Flow& f) {
    YAML::Emitter out;
    out << YAML::BeginMap;
    out << YAML::Key << "id" << YAML::Value << f.id;
    out << YAML::Key << "entity" << YAML::Value << f.entity;
    out << YAML::Key << "name" << YAML::Value << f.name;
    out << YAML::Key << "lock_record" << YAML::Value << f.lockRecord;
    if (!f.fields.empty()) {
        out << YAML::Key << "fields" << YAML::Value << YAML::Flow << YAML::BeginMap;
        for (const auto& field : f.fields)
            out << YAML::Key << field.name << YAML::Value << (field.kind == FlowField::Kind::number ? "number" : "text");
        out << YAML::EndMap;
    }
    out << YAML::Key << "steps" << YAML::Value << YAML::BeginSeq;
    for (const auto& s : f.steps) {
        out << YAML::BeginMap;
        out << YAML::Key << "name" << YAML::Value << s.name;
        out << YAML::Key << "approver" << YAML::Value << YAML::Flow << YAML::BeginMap;
        switch (s.approver) {
            case Step::Approver::role: out << YAML::Key << "role" << YAML::Value << s.who; break;
            case Step::Approver::user: out << YAML::Key << "user" << YAML::Value << s.who; break;
            case Step::Approver::departmentHead: out << YAML::Key << "department_head" << YAML::Value << true; break;
            case Step::Approver::owner: out << YAML::Key << "owner" << YAML::Value << true; break;
        }
        out << YAML::EndMap;
        if (!s.when.empty()) out << YAML::Key << "when" << YAML::Value << conditionText(s.when);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
    out << YAML::Key << "on_approve" << YAML::Value << f.onApprove;
    out << YAML::Key << "on_reject" << YAML::Value << f.onReject;
    out << YAML::EndMap;
    return std::string(out.c_str()) + "\n";
}

}  // namespace tiller::approval
