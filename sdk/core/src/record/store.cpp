#include <tiller/record/store.hpp>

#include <tiller/approval/engine.hpp>
#include <tiller/db/row.hpp>

#include "sql_text.hpp"
#include <tiller/dictionary/dictionary.hpp>
#include <tiller/i18n/catalogs.hpp>
#include <tiller/identity/people.hpp>
#include <tiller/record/custom_fields.hpp>

#include <algorithm>

namespace tiller::record {

const data::Value& Record::value(const std::string& field) const {
    static const data::Value null;
    auto it = values.find(field);
    return it == values.end() ? null : it->second;
}

std::vector<const Field*> columnFields(const Entity& entity) {
    std::vector<const Field*> out;
    for (const auto& f : entity.fields)
        if (hasColumn(f.type)) out.push_back(&f);
    return out;
}

data::Value valueAt(const Field& field, const soci::row& row, std::size_t column) {
    if (row.get_indicator(column) == soci::i_null) return {};
    if (integerValued(field.type)) return db::integerAt(row, column);
    return db::textAt(row, column);
}

Store::Store(plugin::Host& host, const Clock& clock) : host_(host), clock_(clock) {}

const Entity& Store::entity(const std::string& id) {
    if (auto it = entities_.find(id); it != entities_.end()) return it->second;
    const Entity* declared = host_.registry().entity(id);
    if (!declared) throw NotFound("there is no kind of record called " + id);
    Entity e = *declared;
    if (e.customFields)
        for (auto& f : CustomFields(host_, clock_).list(id)) e.fields.push_back(std::move(f));
    return entities_.emplace(id, std::move(e)).first->second;
}

std::string Store::scope(const Entity& e) const { return host_.scopeCondition(e.table); }

Record Store::read(const std::string& entityId, long long id) {
    const Entity& e = entity(entityId);
    if (!e.viewPermission.empty()) host_.require(e.viewPermission);
    auto fields = columnFields(e);
    std::string columns = "id, version, created_at, updated_at";
    for (const auto* f : fields) columns += ", " + f->name;
    std::string where = "id = :id";
    if (auto s = scope(e); !s.empty()) where += " AND " + s;
    return host_.database().withSession([&](soci::session& s) {
        soci::row row;
        s << "SELECT " + columns + " FROM " + e.table + " WHERE " + where, soci::use(id), soci::into(row);
        if (!s.got_data()) throw NotFound(e.label.source + " " + std::to_string(id) + " does not exist or is not yours to see");
        Record r;
        r.entity = entityId;
        r.id = db::integerAt(row, 0);
        r.version = static_cast<int>(db::integerAt(row, 1));
        r.createdAt = db::integerAt(row, 2);
        r.updatedAt = db::integerAt(row, 3);
        for (std::size_t i = 0; i < fields.size(); ++i) r.values[fields[i]->name] = valueAt(*fields[i], row, i + 4);
        return r;
    });
}

data::Values Store::parse(const Entity& e, const Input& input, bool creating, std::vector<FieldError>& errors) {
    data::Values values;
    std::map<std::string, bool> given;
    for (const auto& [name, text] : input) {
        const Field* f = e.field(name);
        if (!f || !hasColumn(f->type)) {
            errors.push_back({name, "is not a field of " + e.label.source});
            continue;
        }
        if (f->readOnly) {
            errors.push_back({name, "is kept by Tiller and cannot be typed in"});
            continue;
        }
        given[name] = true;
        Parsed p = parseValue(*f, text, *this);
        if (!p.error.empty()) {
            errors.push_back({name, p.error});
            continue;
        }
        if (f->required && std::holds_alternative<std::monostate>(p.value)) {
            errors.push_back({name, "is required"});
            continue;
        }
        values.emplace_back(name, p.value);
    }
    if (creating)
        for (const auto& f : e.fields)
            if (f.required && f.enabled && hasColumn(f.type) && !given.count(f.name) && f.name != e.ownerField)
                errors.push_back({f.name, "is required"});
    return values;
}

std::vector<FieldError> Store::check(const std::string& entityId, const Input& input, bool creating) {
    std::vector<FieldError> errors;
    parse(entity(entityId), input, creating, errors);
    return errors;
}

data::Values Store::prepareNew(const std::string& entityId, const Input& input, std::vector<FieldError>& errors) {
    const Entity& e = entity(entityId);
    data::Values values = parse(e, input, true, errors);
    // A new record belongs to whoever made it, unless the form chose someone.
    if (!e.ownerField.empty() && host_.actingUser() &&
        std::none_of(values.begin(), values.end(), [&](const auto& v) { return v.first == e.ownerField; }))
        values.emplace_back(e.ownerField, *host_.actingUser());
    return values;
}

long long Store::insertNew(soci::session& session, const std::string& entityId, const data::Values& values) {
    const Entity& e = entity(entityId);
    long long id = data::Records(session, host_.actingUser(), clock_.nowMs()).insert(e.table, e.id, values);
    afterWrite(session, e, id, true);
    return id;
}

void Store::afterWrite(soci::session& session, const Entity& e, long long id, bool created) {
    for (const auto* hook : host_.registry().hooksFor(e.id))
        if (hook->afterWrite) hook->afterWrite(host_, session, id, created);
}

long long Store::create(const std::string& entityId, const Input& input) {
    const Entity& e = entity(entityId);
    if (!e.editPermission.empty()) host_.require(e.editPermission);
    std::vector<FieldError> errors;
    data::Values values = prepareNew(entityId, input, errors);
    if (!errors.empty()) throw InvalidRecord(errors);
    long long id = host_.database().inTransaction([&](soci::session& s) { return insertNew(s, entityId, values); });
    host_.events().publish(plugin::RecordSaved{e.id, id});
    return id;
}

void Store::requireEditable(const Entity& e, long long id) {
    if (!e.editPermission.empty()) host_.require(e.editPermission);
    if (!host_.canSee(e.table, id))
        throw NotFound(e.label.source + " " + std::to_string(id) + " does not exist or is not yours to change");
    if (approval::Engine(host_, clock_).isLocked(e.id, id))
        throw Conflict("this " + asciiLower(e.label.source) + " is waiting for approval and cannot be changed until the approval ends");
}

int Store::update(const std::string& entityId, long long id, int expectedVersion, const Input& changes) {
    const Entity& e = entity(entityId);
    requireEditable(e, id);
    std::vector<FieldError> errors;
    data::Values values = parse(e, changes, false, errors);
    if (!errors.empty()) throw InvalidRecord(errors);
    int version = host_.database().inTransaction([&](soci::session& s) {
        int v = data::Records(s, host_.actingUser(), clock_.nowMs()).update(e.table, e.id, id, expectedVersion, values);
        if (v != expectedVersion) afterWrite(s, e, id, false);
        return v;
    });
    if (version != expectedVersion) host_.events().publish(plugin::RecordSaved{e.id, id});
    return version;
}

long long Store::submit(const std::string& entityId, long long id, const std::string& flowId,
                        const std::map<std::string, std::string>& extra) {
    const Entity& e = entity(entityId);
    requireEditable(e, id);
    Record r = read(entityId, id);
    std::map<std::string, std::string> fields;
    for (const auto* f : columnFields(e)) {
        const auto& v = r.value(f->name);
        if (f->type == FieldType::money && std::holds_alternative<long long>(v)) {
            std::string amount = formatMoney(std::get<long long>(v), f->currency);
            std::erase(amount, ',');
            fields[f->name] = amount;
        } else if (f->type == FieldType::picklist && std::holds_alternative<long long>(v)) {
            fields[f->name] = dictionaryCode(std::get<long long>(v));
        } else {
            fields[f->name] = data::displayValue(v);
        }
    }
    for (const auto& [name, value] : extra) fields[name] = value;
    std::optional<long long> owner;
    if (!e.ownerField.empty())
        if (const auto& v = r.value(e.ownerField); std::holds_alternative<long long>(v)) owner = std::get<long long>(v);
    long long instance = approval::Engine(host_, clock_).submit(flowId, id, owner, fields);
    if (!e.stateField.empty())
        host_.database().inTransaction([&](soci::session& s) {
            data::Records(s, host_.actingUser(), clock_.nowMs())
                .update(e.table, e.id, id, r.version, {{e.stateField, std::string("pending")}});
        });
    return instance;
}

std::string Store::recordType(const Record& record) {
    const Entity& e = entity(record.entity);
    if (e.recordTypeField.empty()) return "";
    const Field* f = e.field(e.recordTypeField);
    const auto& v = record.value(f->name);
    if (f->type == FieldType::picklist && std::holds_alternative<long long>(v)) return dictionaryCode(std::get<long long>(v));
    return data::displayValue(v);
}

std::string Store::dictionaryCode(long long id) {
    if (dictionaryName(id).empty()) return "";
    return dictionaryCodes_[id];
}

void Store::remove(const std::string& entityId, long long id) {
    const Entity& e = entity(entityId);
    if (!e.deletePermission.empty()) host_.require(e.deletePermission);
    requireEditable(e, id);
    std::vector<std::string> names;
    for (const auto* f : columnFields(e)) names.push_back(f->name);
    host_.database().inTransaction([&](soci::session& s) {
        // Plugins whose rows hang off this record may refuse (SPEC §2.11: not a customer
        // with tickets); every reason is given at once.
        std::vector<std::string> reasons;
        auto hooks = host_.registry().hooksFor(e.id);
        for (const auto* hook : hooks)
            if (hook->refuseDelete)
                if (auto reason = hook->refuseDelete(host_, s, id)) reasons.push_back(*reason);
        if (!reasons.empty()) {
            std::string all;
            for (const auto& r : reasons) all += (all.empty() ? "" : "; ") + r;
            throw Conflict(recordTitle(e.id, id) + " cannot be deleted: " + all);
        }
        for (const auto* hook : hooks)
            if (hook->beforeDelete) hook->beforeDelete(host_, s, id);
        s << "DELETE FROM core_attachment WHERE entity = :e AND record_id = :id", soci::use(e.id), soci::use(id);
        data::Records(s, host_.actingUser(), clock_.nowMs()).remove(e.table, e.id, id, names);
    });
}

// The states approvals give records, for xgettext: the catalog translates them on display.
[[maybe_unused]] constexpr const char* kApprovalStates[] = {N_("draft"),    N_("pending"),  N_("approved"),
                                                            N_("rejected"), N_("returned"), N_("abnormal")};

std::string Store::text(const Field& field, const data::Value& value) {
    std::string shown = formatValue(field, value, *this);
    if (!field.readOnly || field.type != FieldType::text || shown.empty()) return shown;
    // The entity's own catalog first (a plugin's statuses), then the shell's (approval states).
    std::string translated = i18n::tr(std::string_view(shown), field.label.domain.empty() ? "tiller" : field.label.domain);
    return translated != shown ? translated : i18n::tr(std::string_view(shown));
}

std::vector<std::pair<long long, std::string>> Store::find(const std::string& entityId, const std::string& query, int limit) {
    const Entity& e = entity(entityId);
    if (!e.viewPermission.empty()) host_.require(e.viewPermission);
    std::string where = "1 = 1";
    if (!query.empty()) {
        std::string any;
        for (const auto* f : e.searchableFields())
            any += (any.empty() ? "" : " OR ") + ("LOWER(CAST(" + f->name + " AS TEXT)) LIKE :q ESCAPE '\\'");
        where = "(" + any + ")";
    }
    if (auto sc = scope(e); !sc.empty()) where += " AND " + sc;
    std::string pattern = likePattern(query);
    return host_.database().withSession([&](soci::session& s) {
        std::vector<std::pair<long long, std::string>> out;
        std::string sql = "SELECT id, " + e.titleField + " FROM " + e.table + " WHERE " + where + " ORDER BY " +
                          e.titleField + ", id LIMIT " + std::to_string(limit);
        soci::rowset<soci::row> rows = query.empty() ? (s.prepare << sql) : (s.prepare << sql, soci::use(pattern, "q"));
        for (const auto& r : rows) out.emplace_back(db::integerAt(r, 0), db::displayAt(r, 1));
        return out;
    });
}

std::optional<long long> Store::dictionaryId(const std::string& kind, const std::string& text) {
    std::string wanted = asciiLower(text);
    for (const auto& v : dictionary::Dictionary(host_, clock_).values(kind)) {
        if (asciiLower(v.code) == wanted || asciiLower(v.name) == wanted) return v.id;
        for (const auto& [language, name] : v.translations)
            if (asciiLower(name) == wanted) return v.id;
    }
    return std::nullopt;
}

std::string Store::dictionaryName(long long id) {
    if (auto it = dictionaryNames_.find(id); it != dictionaryNames_.end()) return it->second;
    std::string kind = host_.database().withSession([&](soci::session& s) {
        std::string k;
        soci::indicator ind = soci::i_null;
        s << "SELECT kind FROM core_dictionary_value WHERE id = :id", soci::use(id), soci::into(k, ind);
        return s.got_data() ? k : std::string();
    });
    if (kind.empty()) return "";
    // One query fills the names of the whole kind: lists show many rows of the same picklist.
    for (const auto& v : dictionary::Dictionary(host_, clock_).values(kind)) {
        dictionaryNames_[v.id] = v.nameIn(i18n::language());
        dictionaryCodes_[v.id] = v.code;
    }
    return dictionaryNames_[id];
}

std::optional<long long> Store::recordId(const std::string& entityId, const std::string& text) {
    const Entity& e = entity(entityId);
    std::string where = e.titleField + " = :t";
    if (auto sc = scope(e); !sc.empty()) where += " AND " + sc;
    return host_.database().withSession([&](soci::session& s) -> std::optional<long long> {
        std::vector<long long> ids;
        soci::rowset<soci::row> rows = (s.prepare << "SELECT id FROM " + e.table + " WHERE " + where + " LIMIT 2", soci::use(text, "t"));
        for (const auto& r : rows) ids.push_back(db::integerAt(r, 0));
        if (ids.size() != 1) return std::nullopt;  // none, or two with that name: ambiguous
        return ids.front();
    });
}

std::string Store::recordTitle(const std::string& entityId, long long id) {
    const Entity& e = entity(entityId);
    std::string where = "id = :id";
    if (auto sc = scope(e); !sc.empty()) where += " AND " + sc;
    return host_.database().withSession([&](soci::session& s) {
        soci::row row;
        s << "SELECT " + e.titleField + " FROM " + e.table + " WHERE " + where, soci::use(id), soci::into(row);
        return s.got_data() ? db::displayAt(row, 0) : std::string();
    });
}

std::optional<long long> Store::userId(const std::string& text) {
    identity::UserDirectory users(host_.database(), clock_, {});
    if (auto u = users.find(text)) return u->id;
    for (const auto& u : users.users())
        if (u.name == text) return u.id;
    return std::nullopt;
}

std::string Store::userName(long long id) {
    if (userNames_.empty())
        for (const auto& u : identity::UserDirectory(host_.database(), clock_, {}).users()) userNames_[u.id] = u.name.empty() ? u.login : u.name;
    auto it = userNames_.find(id);
    return it == userNames_.end() ? "" : it->second;
}

}  // namespace tiller::record
