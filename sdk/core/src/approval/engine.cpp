#include <tiller/approval/engine.hpp>
#include <tiller/approval/flow_book.hpp>
#include <tiller/db/row.hpp>
#include <tiller/errors.hpp>

#include <nlohmann/json.hpp>

namespace tiller::approval {
namespace {
const char* kSelect =
    "SELECT id, flow_id, entity, record_id, submitter_id, owner_id, state, current_step, fields, version, "
    "flow_definition FROM core_approval_instance";

Instance readInstance(const soci::row& r) {
    Instance i;
    i.id = db::integerAt(r, 0);
    i.flowId = db::textAt(r, 1);
    i.entity = db::textAt(r, 2);
    i.recordId = db::integerAt(r, 3);
    i.submitterId = db::optionalIntegerAt(r, 4);
    i.ownerId = db::optionalIntegerAt(r, 5);
    i.state = db::textAt(r, 6);
    i.currentStep = static_cast<int>(db::integerAt(r, 7));
    auto fields = nlohmann::json::parse(db::textAt(r, 8));  // kept alive while iterating
    for (const auto& [k, v] : fields.items()) i.fields[k] = v.get<std::string>();
    i.version = static_cast<int>(db::integerAt(r, 9));
    i.flowDefinition = db::textAt(r, 10);
    return i;
}
}  // namespace

Engine::Engine(plugin::Host& host, const Clock& clock) : host_(host), clock_(clock) {}

Flow Engine::flowOf(const Instance& instance) const {
    if (instance.flowDefinition.empty()) return FlowBook(host_, clock_).find(instance.flowId).flow;
    return parseFlow(instance.flowDefinition, "approval " + std::to_string(instance.id));
}

std::optional<int> Engine::nextStep(const Flow& f, int from, const std::map<std::string, std::string>& fields) const {
    for (int i = from; i < static_cast<int>(f.steps.size()); ++i)
        if (f.steps[static_cast<size_t>(i)].appliesTo(fields)) return i;
    return std::nullopt;
}

void Engine::record(soci::session& s, long long instanceId, int step, const std::string& stepName,
                    const std::string& action, const std::string& comment) {
    long long now = clock_.nowMs();
    auto actor = host_.actingUser();
    long long actorId = actor.value_or(0);
    soci::indicator ind = actor ? soci::i_ok : soci::i_null;
    s << "INSERT INTO core_approval_history (instance_id, step, step_name, actor_id, action, comment, at) "
         "VALUES (:i, :s, :n, :a, :act, :c, :at)",
        soci::use(instanceId), soci::use(step), soci::use(stepName), soci::use(actorId, ind), soci::use(action),
        soci::use(comment), soci::use(now);
}

long long Engine::submit(const std::string& flowId, long long recordId, std::optional<long long> ownerId,
                         const std::map<std::string, std::string>& fields) {
    FlowBook book(host_, clock_);
    const Flow f = book.find(flowId).flow;
    try {
        book.checkApprovers(f);  // a plugin's flow may name a role or user this office lacks
    } catch (const FlowError& e) {
        throw ValidationError("flow", "the approval flow '" + f.id + "' cannot be used: " + e.reason() +
                                          " (an administrator can correct it under Administration > Approval flows)");
    }
    std::string definition = toYaml(f);
    if (pendingFor(f.entity, recordId))
        throw ValidationError("approval", "this record is already waiting for approval");
    auto first = nextStep(f, 0, fields);
    nlohmann::json json = nlohmann::json::object();
    for (const auto& [k, v] : fields) json[k] = v;
    std::string fieldsText = json.dump();
    long long now = clock_.nowMs();
    auto submitter = host_.actingUser();
    long long id = host_.database().inTransaction([&](soci::session& s) {
        long long newId = 0, submitterId = submitter.value_or(0), owner = ownerId.value_or(0);
        soci::indicator subInd = submitter ? soci::i_ok : soci::i_null, ownerInd = ownerId ? soci::i_ok : soci::i_null;
        std::string state = first ? "pending" : "approved";  // no step applies: approved at once
        int step = first.value_or(static_cast<int>(f.steps.size()));
        s << "INSERT INTO core_approval_instance (flow_id, entity, record_id, submitter_id, owner_id, state, "
             "current_step, fields, created_at, updated_at, flow_definition) "
             "VALUES (:f, :e, :r, :s, :o, :st, :c, :fi, :t, :t2, :d) RETURNING id",
            soci::use(flowId), soci::use(f.entity), soci::use(recordId), soci::use(submitterId, subInd),
            soci::use(owner, ownerInd), soci::use(state), soci::use(step), soci::use(fieldsText), soci::use(now),
            soci::use(now), soci::use(definition), soci::into(newId);
        record(s, newId, 0, "", "submit", "");
        return newId;
    });
    if (!first) host_.events().publish(ApprovalFinished{flowId, f.entity, recordId, f.onApprove});
    return id;
}

Instance Engine::load(long long id) {
    return host_.database().withSession([&](soci::session& s) {
        soci::row r;
        s << std::string(kSelect) + " WHERE id = :id", soci::use(id), soci::into(r);
        if (!s.got_data()) throw NotFound("there is no approval " + std::to_string(id));
        return readInstance(r);
    });
}

bool Engine::mayApprove(const Flow& f, const Instance& instance, long long userId) {
    const Step& step = f.steps.at(static_cast<size_t>(instance.currentStep));
    return host_.database().withSession([&](soci::session& s) {
        int n = 0;
        switch (step.approver) {
            case Step::Approver::role:
                s << "SELECT COUNT(*) FROM core_user_role ur JOIN core_role r ON r.id = ur.role_id "
                     "WHERE ur.user_id = :u AND r.role_key = :k",
                    soci::use(userId), soci::use(step.who), soci::into(n);
                return n > 0;
            case Step::Approver::user:
                s << "SELECT COUNT(*) FROM core_user WHERE id = :u AND login = :l", soci::use(userId), soci::use(step.who),
                    soci::into(n);
                return n > 0;
            case Step::Approver::owner:
                return instance.ownerId == userId;
            case Step::Approver::departmentHead: {
                // The head: a manager (system position) of the submitter's department.
                if (!instance.submitterId) return false;
                s << "SELECT COUNT(*) FROM core_user head JOIN core_user submitter ON submitter.id = :s "
                     "JOIN core_position p ON p.id = head.position_id "
                     "WHERE head.id = :u AND head.active = 1 AND head.department_id = submitter.department_id "
                     "AND p.is_system = 1 AND p.name IN ('Manager', 'General manager')",
                    soci::use(*instance.submitterId), soci::use(userId), soci::into(n);
                return n > 0;
            }
        }
        return false;
    });
}

void Engine::move(const Flow& f, Instance& instance, const std::string& state, int toStep, const std::string& action,
                  const std::string& comment) {
    const auto& doneName = f.steps.at(static_cast<size_t>(instance.currentStep)).name;
    host_.database().inTransaction([&](soci::session& s) {
        long long now = clock_.nowMs();
        int next = instance.version + 1;
        soci::statement st = (s.prepare << "UPDATE core_approval_instance SET state = :st, current_step = :c, "
                                            "updated_at = :t, version = :n WHERE id = :id AND version = :v",
                              soci::use(state), soci::use(toStep), soci::use(now), soci::use(next),
                              soci::use(instance.id), soci::use(instance.version));
        st.execute(true);
        if (st.get_affected_rows() != 1) throw Conflict("someone else acted on this approval at the same moment");
        record(s, instance.id, instance.currentStep, doneName, action, comment);
    });
    if (state == "pending") return;
    // The record's new state: the flow's on_approve value, or rejected / returned / abnormal.
    host_.events().publish(ApprovalFinished{f.id, f.entity, instance.recordId, state == "approved" ? f.onApprove : state});
}

void Engine::approve(long long instanceId, const std::string& comment) {
    auto instance = load(instanceId);
    const Flow f = flowOf(instance);
    if (instance.state != "pending") throw ValidationError("approval", "it is already " + instance.state);
    auto user = host_.actingUser();
    if (!user || !mayApprove(f, instance, *user))
        throw PermissionDenied("you are not the approver of '" + f.steps[static_cast<size_t>(instance.currentStep)].name + "'");
    auto next = nextStep(f, instance.currentStep + 1, instance.fields);
    if (next)
        move(f, instance, "pending", *next, "approve", comment);
    else
        move(f, instance, "approved", instance.currentStep, "approve", comment);
}

void Engine::reject(long long instanceId, const std::string& comment) {
    auto instance = load(instanceId);
    const Flow f = flowOf(instance);
    if (instance.state != "pending") throw ValidationError("approval", "it is already " + instance.state);
    auto user = host_.actingUser();
    if (!user || !mayApprove(f, instance, *user))
        throw PermissionDenied("you are not the approver of '" + f.steps[static_cast<size_t>(instance.currentStep)].name + "'");
    std::string state = f.onReject == "return" ? "returned" : f.onReject;
    move(f, instance, state, instance.currentStep, f.onReject == "return" ? "return" : "reject", comment);
}

std::vector<Instance> Engine::inbox() {
    auto user = host_.actingUser();
    if (!user) return {};
    auto pending = host_.database().withSession([](soci::session& s) {
        std::vector<Instance> out;
        soci::rowset<soci::row> rows = (s.prepare << std::string(kSelect) + " WHERE state = 'pending' ORDER BY id");
        for (const auto& r : rows) out.push_back(readInstance(r));
        return out;
    });
    std::vector<Instance> mine;
    for (auto& i : pending) {
        Flow f;
        try {
            f = flowOf(i);
        } catch (const Error&) {
            continue;  // its plugin is not running here
        }
        if (static_cast<size_t>(i.currentStep) >= f.steps.size() || !mayApprove(f, i, *user)) continue;
        i.currentStepName = f.steps[static_cast<size_t>(i.currentStep)].name;
        mine.push_back(i);
    }
    return mine;
}

std::vector<HistoryEntry> Engine::history(const std::string& entity, long long recordId) {
    return host_.database().withSession([&](soci::session& s) {
        std::vector<HistoryEntry> out;
        soci::rowset<soci::row> rows =
            (s.prepare << "SELECT h.step, h.step_name, h.action, h.comment, COALESCE(u.name, ''), h.at "
                          "FROM core_approval_history h JOIN core_approval_instance i ON i.id = h.instance_id "
                          "LEFT JOIN core_user u ON u.id = h.actor_id "
                          "WHERE i.entity = :e AND i.record_id = :r ORDER BY h.id",
             soci::use(entity), soci::use(recordId));
        for (const auto& r : rows)
            out.push_back({static_cast<int>(db::integerAt(r, 0)), db::textAt(r, 1), db::textAt(r, 2), db::textAt(r, 3),
                           db::textAt(r, 4), db::integerAt(r, 5)});
        return out;
    });
}

std::optional<Instance> Engine::pendingFor(const std::string& entity, long long recordId) {
    return host_.database().withSession([&](soci::session& s) -> std::optional<Instance> {
        soci::row r;
        s << std::string(kSelect) + " WHERE entity = :e AND record_id = :r AND state = 'pending'", soci::use(entity),
            soci::use(recordId), soci::into(r);
        if (!s.got_data()) return std::nullopt;
        return readInstance(r);
    });
}

bool Engine::isLocked(const std::string& entity, long long recordId) {
    auto pending = pendingFor(entity, recordId);
    if (!pending) return false;
    try {
        return flowOf(*pending).lockRecord;
    } catch (const Error&) {
        return true;  // the flow cannot be read: stay on the safe side
    }
}

}  // namespace tiller::approval
