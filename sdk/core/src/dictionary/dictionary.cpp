#include <tiller/data/records.hpp>
#include <tiller/db/row.hpp>
#include <tiller/dictionary/dictionary.hpp>
#include <tiller/errors.hpp>
#include <tiller/util/tree_order.hpp>
#include <tiller/i18n/catalogs.hpp>

#include <regex>

namespace tiller::dictionary {
namespace {

Value readBasics(const soci::row& r) {
    Value v;
    v.id = db::integerAt(r, 0);
    v.kind = db::textAt(r, 1);
    v.parentId = db::optionalIntegerAt(r, 2);
    v.code = db::textAt(r, 3);
    v.name = db::textAt(r, 4);
    v.isSystem = db::integerAt(r, 5) != 0;
    v.version = static_cast<int>(db::integerAt(r, 6));
    return v;
}

void readTranslations(soci::session& s, Value& v) {
    soci::rowset<soci::row> names =
        (s.prepare << "SELECT language, name FROM core_dictionary_name WHERE value_id = :id", soci::use(v.id));
    for (const auto& n : names) v.translations[db::textAt(n, 0)] = db::textAt(n, 1);
}

const char* kSelect = "SELECT id, kind, parent_id, code, name, is_system, version FROM core_dictionary_value";

}  // namespace

std::string Value::nameIn(const std::string& language) const {
    auto it = translations.find(language);
    return it == translations.end() ? name : it->second;
}

const plugin::DictionaryKind& Dictionary::kind(const std::string& id) const {
    const auto* k = host_.registry().dictionaryKind(id);
    if (!k) throw ValidationError("kind", "no installed plugin declares the dictionary '" + id + "'");
    return *k;
}

std::vector<Value> Dictionary::values(const std::string& kindId) const {
    auto flat = host_.database().withSession([&](soci::session& s) {
        std::vector<Value> out;
        {
            soci::rowset<soci::row> rs =
                (s.prepare << std::string(kSelect) + " WHERE kind = :k ORDER BY sort_order, id", soci::use(kindId));
            for (const auto& r : rs) out.push_back(readBasics(r));
        }
        for (auto& v : out) readTranslations(s, v);
        return out;
    });
    return util::parentsFirst(flat);
}

std::optional<Value> Dictionary::find(const std::string& kindId, const std::string& code) const {
    for (const auto& v : values(kindId))
        if (v.code == code) return v;
    return std::nullopt;
}

long long Dictionary::add(const std::string& kindId, const std::string& name, std::optional<long long> parentId,
                          std::string code) {
    const auto& k = kind(kindId);
    host_.require("core.settings");
    if (name.find_first_not_of(' ') == std::string::npos) throw ValidationError("name", "a value needs a name");
    if (parentId && !k.hierarchical) throw ValidationError("parent", "'" + kindId + "' is a flat list, not a tree");
    static const std::regex form("[a-z0-9_]{1,40}");
    if (!code.empty() && !std::regex_match(code, form))
        throw ValidationError("code", "'" + code + "' must be lower case letters, digits and _");
    return host_.database().inTransaction([&](soci::session& s) {
        if (parentId) {
            int found = 0;
            s << "SELECT COUNT(*) FROM core_dictionary_value WHERE id = :p AND kind = :k", soci::use(*parentId),
                soci::use(kindId), soci::into(found);
            if (!found) throw ValidationError("parent", "the parent value is not in '" + kindId + "'");
        }
        if (code.empty()) {  // a stable code for values people add: v1, v2, ...
            long long n = 0;
            s << "SELECT COUNT(*) FROM core_dictionary_value WHERE kind = :k", soci::use(kindId), soci::into(n);
            code = "v" + std::to_string(n + 1);
            int taken = 1;
            while (taken) {
                s << "SELECT COUNT(*) FROM core_dictionary_value WHERE kind = :k AND code = :c", soci::use(kindId),
                    soci::use(code), soci::into(taken);
                if (taken) code = "v" + std::to_string(++n + 1);
            }
        } else {
            int taken = 0;
            s << "SELECT COUNT(*) FROM core_dictionary_value WHERE kind = :k AND code = :c", soci::use(kindId),
                soci::use(code), soci::into(taken);
            if (taken) throw ValidationError("code", "'" + code + "' is already in '" + kindId + "'");
        }
        long long order = 0;
        s << "SELECT COALESCE(MAX(sort_order), 0) + 1 FROM core_dictionary_value WHERE kind = :k", soci::use(kindId),
            soci::into(order);
        return data::Records(s, host_.actingUser(), clock_.nowMs())
            .insert("core_dictionary_value", "core.dictionary",
                    {{"kind", kindId},
                     {"parent_id", parentId ? data::Value(*parentId) : data::Value()},
                     {"code", code},
                     {"name", name},
                     {"is_system", 0LL},
                     {"sort_order", order}});
    });
}

void Dictionary::rename(long long id, int expectedVersion, const std::string& name) {
    host_.require("core.settings");
    if (name.find_first_not_of(' ') == std::string::npos) throw ValidationError("name", "a value needs a name");
    host_.database().inTransaction([&](soci::session& s) {
        data::Records(s, host_.actingUser(), clock_.nowMs())
            .update("core_dictionary_value", "core.dictionary", id, expectedVersion, {{"name", name}});
        // A renamed value is named by the person now, in every language.
        s << "DELETE FROM core_dictionary_name WHERE value_id = :id", soci::use(id);
    });
}

void Dictionary::setTranslation(long long id, const std::string& language, const std::string& name) {
    host_.require("core.settings");
    host_.database().withSession([&](soci::session& s) {
        s << "DELETE FROM core_dictionary_name WHERE value_id = :id AND language = :l", soci::use(id), soci::use(language);
        s << "INSERT INTO core_dictionary_name (value_id, language, name) VALUES (:id, :l, :n)", soci::use(id),
            soci::use(language), soci::use(name);
    });
}

long long Dictionary::usage(long long id) const {
    std::string kindId = host_.database().withSession([&](soci::session& s) {
        std::string k;
        s << "SELECT kind FROM core_dictionary_value WHERE id = :id", soci::use(id), soci::into(k);
        return k;
    });
    long long total = 0;
    for (const auto& use : host_.registry().dictionaryUses()) {
        if (use.kind != kindId) continue;
        static const std::regex identifier("[a-z_][a-z0-9_]*");
        if (!std::regex_match(use.table, identifier) || !std::regex_match(use.column, identifier)) continue;
        total += host_.database().withSession([&](soci::session& s) {
            long long n = 0;
            s << "SELECT COUNT(*) FROM " + use.table + " WHERE " + use.column + " = :id", soci::use(id), soci::into(n);
            return n;
        });
    }
    return total;
}

void Dictionary::remove(long long id) {
    host_.require("core.settings");
    auto value = host_.database().withSession([&](soci::session& s) {
        soci::row r;
        s << std::string(kSelect) + " WHERE id = :id", soci::use(id), soci::into(r);
        if (!s.got_data()) throw NotFound("the value no longer exists");
        return readBasics(r);
    });
    if (value.isSystem)
        throw ValidationError("value", "'" + value.name + "' is a system value: it can be renamed but not deleted");
    if (long long used = usage(id))
        throw ValidationError("value", "'" + value.name + "' is used by " + std::to_string(used) +
                                           " record(s); change them first");
    host_.database().inTransaction([&](soci::session& s) {
        int children = 0;
        s << "SELECT COUNT(*) FROM core_dictionary_value WHERE parent_id = :id", soci::use(id), soci::into(children);
        if (children) throw ValidationError("value", "'" + value.name + "' has values below it; remove them first");
        data::Records(s, host_.actingUser(), clock_.nowMs()).remove("core_dictionary_value", "core.dictionary", id, {"kind", "code", "name"});
    });
}

void Dictionary::installSystemValues() {
    for (const auto& k : host_.registry().dictionaryKinds()) {
        for (const auto& v : k.systemValues) {
            auto existing = find(k.id, v.code);
            if (existing) continue;  // kept as the person may have renamed it
            std::optional<long long> parent;
            if (!v.parentCode.empty())
                if (auto p = find(k.id, v.parentCode)) parent = p->id;
            host_.database().inTransaction([&](soci::session& s) {
                long long order = 0;
                s << "SELECT COALESCE(MAX(sort_order), 0) + 1 FROM core_dictionary_value WHERE kind = :k",
                    soci::use(k.id), soci::into(order);
                long long id = data::Records(s, std::nullopt, clock_.nowMs())
                                   .insert("core_dictionary_value", "core.dictionary",
                                           {{"kind", k.id},
                                            {"parent_id", parent ? data::Value(*parent) : data::Value()},
                                            {"code", v.code},
                                            {"name", v.name.source},
                                            {"is_system", 1LL},
                                            {"sort_order", order}});
                // The shipped translations: explicit ones, else the plugin's zh_CN catalog.
                auto translations = v.name.byLanguage;
                for (const auto& [language, text] : translations)
                    if (language != "en")
                        s << "INSERT INTO core_dictionary_name (value_id, language, name) VALUES (:id, :l, :n)",
                            soci::use(id), soci::use(language), soci::use(text);
            });
        }
    }
}

}  // namespace tiller::dictionary
