#include <tiller/data/records.hpp>

#include <tiller/db/row.hpp>
#include <tiller/errors.hpp>
#include <tiller/util/time_text.hpp>

#include <nlohmann/json.hpp>

#include <regex>

namespace tiller::data {
namespace {

void checkName(const std::string& name) {
    static const std::regex identifier("[a-z_][a-z0-9_]*");
    if (!std::regex_match(name, identifier))
        throw ValidationError("record", "'" + name + "' is not a table or column name");
}

// NULLs are written as the literal NULL (soci::values loses the indicator on SQLite). Not
// called bind: std::bind, found through a std::string argument, would win overload resolution.
void bindValue(soci::values& bound, const std::string& name, const Value& value) {
    if (std::holds_alternative<long long>(value)) {
        bound.set(name, std::get<long long>(value));
    } else if (std::holds_alternative<std::string>(value)) {
        // PostgreSQL cannot store a NUL character and would cut the text there: refuse it.
        if (std::get<std::string>(value).find('\0') != std::string::npos)
            throw ValidationError(name, "contains a NUL character, which cannot be stored");
        bound.set(name, std::get<std::string>(value));
    }
}

std::string placeholder(const std::string& name, const Value& value) {
    return std::holds_alternative<std::monostate>(value) ? "NULL" : ":" + name;
}


}  // namespace

// Who saved the record last and when, from the audit trail, so the person whose save was
// refused knows whom to ask.
std::string Records::staleMessage(const std::string& entity, long long id, int current, int expected) {
    soci::row last;
    session_ << "SELECT COALESCE(u.name, u.login, ''), a.at FROM core_audit a LEFT JOIN core_user u ON u.id = a.user_id "
                "WHERE a.entity = :e AND a.record_id = :id ORDER BY a.id DESC LIMIT 1",
        soci::use(entity), soci::use(id), soci::into(last);
    std::string who = session_.got_data() ? db::textAt(last, 0) : "";
    std::string when = session_.got_data() ? util::localDateTime(db::integerAt(last, 1)) : "";
    return (who.empty() ? std::string("someone else") : who) + " saved this " + entity +
           (when.empty() ? "" : " at " + when) + " after you opened it (version " + std::to_string(current) +
           ", yours " + std::to_string(expected) + "); their changes are kept: open it again and redo yours";
}

std::string displayValue(const Value& value) {
    if (std::holds_alternative<long long>(value)) return std::to_string(std::get<long long>(value));
    if (std::holds_alternative<std::string>(value)) return std::get<std::string>(value);
    return {};
}

Records::Records(soci::session& session, std::optional<long long> actingUser, long long nowMs)
    : session_(session), user_(actingUser), now_(nowMs) {}

long long Records::insert(const std::string& table, const std::string& entity, const Values& values) {
    checkName(table);
    Values all = values;
    all.emplace_back("created_at", now_);
    all.emplace_back("updated_at", now_);
    all.emplace_back("version", 1LL);
    std::string columns, placeholders;
    soci::values bound;
    std::vector<FieldChange> changes;
    for (const auto& [column, value] : all) {
        checkName(column);
        columns += (columns.empty() ? "" : ", ") + column;
        placeholders += (placeholders.empty() ? "" : ", ") + placeholder(column, value);
        bindValue(bound, column, value);
        if (column != "created_at" && column != "updated_at" && column != "version")
            changes.push_back({column, "", displayValue(value)});
    }
    long long id = 0;
    // RETURNING works on both engines (SQLite >= 3.35).
    session_ << "INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders + ") RETURNING id",
        soci::use(bound), soci::into(id);
    audit(entity, id, "create", changes);
    return id;
}

int Records::update(const std::string& table, const std::string& entity, long long id,
                    int expectedVersion, const Values& changes) {
    checkName(table);
    std::string columns;
    for (const auto& [column, value] : changes) {
        checkName(column);
        columns += ", " + column;
    }
    soci::row before;
    session_ << "SELECT version" + columns + " FROM " + table + " WHERE id = :id", soci::use(id), soci::into(before);
    if (!session_.got_data()) throw NotFound(entity + " " + std::to_string(id) + " no longer exists");
    int current = static_cast<int>(db::integerAt(before, 0));
    if (current != expectedVersion) throw Conflict(staleMessage(entity, id, current, expectedVersion));

    std::vector<FieldChange> changed;
    std::string assignments;
    soci::values bound;
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const auto& [column, value] = changes[i];
        std::string old = db::displayAt(before, i + 1);
        bool wasNull = before.get_indicator(i + 1) == soci::i_null;
        bool isNull = std::holds_alternative<std::monostate>(value);
        if (old == displayValue(value) && wasNull == isNull) continue;
        changed.push_back({column, old, displayValue(value)});
        assignments += column + " = " + placeholder(column, value) + ", ";
        bindValue(bound, column, value);
    }
    if (changed.empty()) return current;
    bound.set("updated_at", now_);
    bound.set("id", id);
    bound.set("expected", static_cast<long long>(expectedVersion));
    int next = expectedVersion + 1;
    bound.set("next", static_cast<long long>(next));
    soci::statement st = (session_.prepare << "UPDATE " + table + " SET " + assignments +
                                                  "updated_at = :updated_at, version = :next "
                                                  "WHERE id = :id AND version = :expected",
                          soci::use(bound));
    st.execute(true);
    if (st.get_affected_rows() != 1)
        throw Conflict("someone else saved this " + entity + " at the same moment; their changes are kept");
    audit(entity, id, "update", changed);
    return next;
}

void Records::remove(const std::string& table, const std::string& entity, long long id,
                     const std::vector<std::string>& fields) {
    checkName(table);
    std::string columns = "id";
    for (const auto& f : fields) {
        checkName(f);
        columns += ", " + f;
    }
    soci::row before;
    session_ << "SELECT " + columns + " FROM " + table + " WHERE id = :id", soci::use(id), soci::into(before);
    if (!session_.got_data()) throw NotFound(entity + " " + std::to_string(id) + " no longer exists");
    std::vector<FieldChange> removed;
    for (std::size_t i = 0; i < fields.size(); ++i) removed.push_back({fields[i], db::displayAt(before, i + 1), ""});
    session_ << "DELETE FROM " + table + " WHERE id = :id", soci::use(id);
    audit(entity, id, "delete", removed);
}

void Records::audit(const std::string& entity, long long id, const std::string& action,
                    const std::vector<FieldChange>& changes) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& c : changes) list.push_back({{"field", c.field}, {"old", c.before}, {"new", c.after}});
    std::string text = list.dump();
    long long user = user_.value_or(0);
    soci::indicator userInd = user_ ? soci::i_ok : soci::i_null;
    session_ << "INSERT INTO core_audit (entity, record_id, action, user_id, at, changes) "
                "VALUES (:entity, :id, :action, :user, :at, :changes)",
        soci::use(entity), soci::use(id), soci::use(action), soci::use(user, userInd), soci::use(now_),
        soci::use(text);
}

std::vector<AuditEntry> history(soci::session& session, const std::string& entity, long long id) {
    std::vector<AuditEntry> entries;
    soci::rowset<soci::row> rows =
        (session.prepare << "SELECT a.at, a.action, a.user_id, COALESCE(u.name, ''), a.changes "
                            "FROM core_audit a LEFT JOIN core_user u ON u.id = a.user_id "
                            "WHERE a.entity = :entity AND a.record_id = :id ORDER BY a.id",
         soci::use(entity), soci::use(id));
    for (const auto& r : rows) {
        AuditEntry e;
        e.at = db::integerAt(r, 0);
        e.action = db::textAt(r, 1);
        e.userId = db::optionalIntegerAt(r, 2);
        e.userName = db::textAt(r, 3);
        for (const auto& c : nlohmann::json::parse(db::textAt(r, 4)))
            e.changes.push_back({c["field"], c["old"], c["new"]});
        entries.push_back(std::move(e));
    }
    return entries;
}

}  // namespace tiller::data
