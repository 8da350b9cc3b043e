#include <tiller/data/records.hpp>
#include <tiller/db/row.hpp>
#include <tiller/errors.hpp>
#include <tiller/util/tree_order.hpp>
#include <tiller/identity/people.hpp>

#include <algorithm>
#include <map>

namespace tiller::identity {

std::string_view scopeName(Scope scope) {
    switch (scope) {
        case Scope::own: return "own";
        case Scope::department: return "department";
        case Scope::all: return "all";
    }
    return "own";
}

std::optional<Scope> parseScope(std::string_view text) {
    if (text == "own") return Scope::own;
    if (text == "department") return Scope::department;
    if (text == "all") return Scope::all;
    return std::nullopt;
}

std::vector<Department> Organisation::departments() const {
    auto flat = database_.withSession([](soci::session& s) {
        std::vector<Department> out;
        soci::rowset<soci::row> rows =
            (s.prepare << "SELECT id, parent_id, name, phone, is_unit, version FROM core_department "
                          "ORDER BY sort_order, id");
        for (const auto& r : rows)
            out.push_back({db::integerAt(r, 0), db::optionalIntegerAt(r, 1), db::textAt(r, 2),
                           db::textAt(r, 3), db::integerAt(r, 4) != 0, static_cast<int>(db::integerAt(r, 5))});
        return out;
    });
    return util::parentsFirst(flat);
}

long long Organisation::addDepartment(const Department& d) {
    if (d.name.find_first_not_of(' ') == std::string::npos) throw ValidationError("name", "a department needs a name");
    if (d.isUnit && d.phone.find_first_not_of(' ') == std::string::npos)
        throw ValidationError("phone", "a unit needs a phone number");
    return database_.inTransaction([&](soci::session& s) {
        int roots = 0;
        s << "SELECT COUNT(*) FROM core_department WHERE parent_id IS NULL", soci::into(roots);
        if (!d.parentId && roots > 0)
            throw ValidationError("parent", "there is already a top unit; choose where this one belongs");
        if (d.parentId) {
            int parentExists = 0;
            s << "SELECT COUNT(*) FROM core_department WHERE id = :p", soci::use(*d.parentId), soci::into(parentExists);
            if (!parentExists) throw ValidationError("parent", "the parent department does not exist");
        }
        data::Records records(s, actor_.userId, clock_.nowMs());
        return records.insert("core_department", "core.department",
                              {{"parent_id", d.parentId ? data::Value(*d.parentId) : data::Value()},
                               {"name", d.name},
                               {"phone", d.phone},
                               {"is_unit", static_cast<long long>(d.isUnit)}});
    });
}

void Organisation::updateDepartment(const Department& d) {
    if (d.name.find_first_not_of(' ') == std::string::npos) throw ValidationError("name", "a department needs a name");
    if (d.isUnit && d.phone.find_first_not_of(' ') == std::string::npos)
        throw ValidationError("phone", "a unit needs a phone number");
    database_.inTransaction([&](soci::session& s) {
        if (d.parentId && std::ranges::count(subtree(d.id), *d.parentId))
            throw ValidationError("parent", "a department cannot be moved below itself");
        data::Records(s, actor_.userId, clock_.nowMs())
            .update("core_department", "core.department", d.id, d.version,
                    {{"parent_id", d.parentId ? data::Value(*d.parentId) : data::Value()},
                     {"name", d.name},
                     {"phone", d.phone},
                     {"is_unit", static_cast<long long>(d.isUnit)}});
    });
}

void Organisation::removeDepartment(long long id) {
    database_.inTransaction([&](soci::session& s) {
        int children = 0, people = 0;
        s << "SELECT COUNT(*) FROM core_department WHERE parent_id = :id", soci::use(id), soci::into(children);
        s << "SELECT COUNT(*) FROM core_user WHERE department_id = :id", soci::use(id), soci::into(people);
        if (children) throw ValidationError("department", "it has sub-departments; move or remove them first");
        if (people) throw ValidationError("department", "people belong to it; move them to another department first");
        data::Records(s, actor_.userId, clock_.nowMs()).remove("core_department", "core.department", id, {"name", "phone"});
    });
}

std::vector<long long> Organisation::subtree(long long id) const {
    std::vector<long long> out{id};
    auto all = departments();
    for (std::size_t i = 0; i < out.size(); ++i)
        for (const auto& d : all)
            if (d.parentId == out[i]) out.push_back(d.id);
    return out;
}

std::vector<Position> Organisation::positions() const {
    return database_.withSession([](soci::session& s) {
        std::vector<Position> out;
        soci::rowset<soci::row> rows = (s.prepare << "SELECT id, name, is_system FROM core_position ORDER BY id");
        for (const auto& r : rows) out.push_back({db::integerAt(r, 0), db::textAt(r, 1), db::integerAt(r, 2) != 0});
        return out;
    });
}

long long Organisation::addPosition(const std::string& name) {
    if (name.find_first_not_of(' ') == std::string::npos) throw ValidationError("name", "a position needs a name");
    return database_.withSession([&](soci::session& s) {
        long long id = 0;
        s << "INSERT INTO core_position (name, is_system) VALUES (:name, 0) RETURNING id", soci::use(name), soci::into(id);
        return id;
    });
}

}  // namespace tiller::identity
