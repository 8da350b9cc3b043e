#include <tiller/approval/flow_book.hpp>
#include <tiller/data/records.hpp>
#include <tiller/db/row.hpp>
#include <tiller/errors.hpp>
#include <tiller/identity/people.hpp>

#include <optional>

namespace tiller::approval {
namespace {

const char* kTable = "core_approval_flow_override";

struct Saved {
    long long id = 0;
    std::string definition;
    int version = 0;
};

std::optional<Saved> saved(soci::session& s, const std::string& flowId) {
    soci::row r;
    s << "SELECT id, definition, version FROM core_approval_flow_override WHERE flow_id = :f", soci::use(flowId),
        soci::into(r);
    if (!s.got_data()) return std::nullopt;
    return Saved{db::integerAt(r, 0), db::textAt(r, 1), static_cast<int>(db::integerAt(r, 2))};
}

std::string fieldList(const std::vector<FlowField>& fields) {
    std::string out;
    for (const auto& f : fields) out += (out.empty() ? "" : ", ") + f.name;
    return out;
}

std::string stepLabel(size_t index, const Step& step) {
    return "step " + std::to_string(index + 1) + " '" + step.name + "'";
}

}  // namespace

const Flow& FlowBook::declared(const std::string& id) const {
    const auto* f = host_.registry().flow(id);
    if (!f) throw ValidationError("flow", "no installed plugin declares the approval flow '" + id + "'");
    return *f;
}

FlowEntry FlowBook::find(const std::string& id) const {
    const Flow& plugin = declared(id);
    FlowEntry entry{plugin, false, 0, ""};
    for (const auto& [owner, f] : host_.registry().flows())
        if (f.id == id) entry.owner = owner;
    auto mine = host_.database().withSession([&](soci::session& s) { return saved(s, id); });
    if (mine) {
        // Written by toYaml() after the same checks; a flow that no longer reads (a newer
        // Tiller wrote it) is reported rather than silently replaced by the plugin's.
        entry.flow = parseFlow(mine->definition, "the saved approval flow '" + id + "'");
        entry.customised = true;
        entry.version = mine->version;
    }
    return entry;
}

std::vector<FlowEntry> FlowBook::flows() const {
    std::vector<FlowEntry> out;
    for (const auto& [owner, f] : host_.registry().flows()) out.push_back(find(f.id));
    return out;
}

void FlowBook::checkApprovers(const Flow& flow) const {
    identity::RoleBook roles(host_.database(), clock_, {});
    identity::UserDirectory users(host_.database(), clock_, {});
    for (size_t i = 0; i < flow.steps.size(); ++i) {
        const auto& step = flow.steps[i];
        int at = static_cast<int>(i);
        if (step.approver == Step::Approver::role && !roles.find(step.who))
            throw FlowError(at, "approver", stepLabel(i, step) + ": there is no role '" + step.who + "'");
        if (step.approver == Step::Approver::user) {
            auto user = users.find(step.who);
            if (!user) throw FlowError(at, "approver", stepLabel(i, step) + ": there is no user '" + step.who + "'");
            if (!user->active)
                throw FlowError(at, "approver", stepLabel(i, step) + ": the user '" + step.who + "' is disabled");
        }
    }
}

namespace {
bool sameFields(const std::vector<FlowField>& a, const std::vector<FlowField>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i].name != b[i].name || a[i].kind != b[i].kind) return false;
    return true;
}
}  // namespace

void FlowBook::save(const std::string& id, const Flow& edited, int expectedVersion) {
    host_.require(kPermission);
    const Flow& plugin = declared(id);
    if (edited.id != id) throw FlowError(-1, "id", "is '" + edited.id + "'; the id of the flow '" + id + "' cannot change");
    if (edited.entity != plugin.entity)
        throw FlowError(-1, "entity", "the flow approves '" + plugin.entity + "' records; that cannot change");
    if (!sameFields(edited.fields, plugin.fields))
        throw FlowError(-1, "fields", "the fields are those the plugin submits (" +
                                          (plugin.fields.empty() ? std::string("none declared") : fieldList(plugin.fields)) +
                                          "); they cannot change");
    checkFlow(edited);
    checkApprovers(edited);
    std::string definition = toYaml(edited);
    host_.database().inTransaction([&](soci::session& s) {
        data::Records records(s, host_.actingUser(), clock_.nowMs());
        auto current = saved(s, edited.id);
        int version = current ? current->version : 0;
        if (version != expectedVersion)
            throw Conflict("someone else changed the approval flow '" + edited.id + "' meanwhile; open it again");
        if (current)
            records.update(kTable, kAuditEntity, current->id, current->version, {{"definition", definition}});
        else
            records.insert(kTable, kAuditEntity, {{"flow_id", edited.id}, {"definition", definition}});
    });
}

void FlowBook::reset(const std::string& id) {
    host_.require(kPermission);
    declared(id);
    host_.database().inTransaction([&](soci::session& s) {
        auto current = saved(s, id);
        if (!current) return;
        data::Records(s, host_.actingUser(), clock_.nowMs()).remove(kTable, kAuditEntity, current->id, {"flow_id", "definition"});
    });
}

}  // namespace tiller::approval
