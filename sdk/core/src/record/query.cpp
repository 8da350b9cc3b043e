#include <tiller/record/query.hpp>

#include <tiller/db/row.hpp>
#include <tiller/errors.hpp>

#include <nlohmann/json.hpp>

#include <array>

namespace tiller::record {
namespace {

constexpr std::array<std::pair<Op, const char*>, 8> kOps{{{Op::contains, "contains"},
                                                          {Op::equals, "equals"},
                                                          {Op::notEquals, "not_equals"},
                                                          {Op::atLeast, "at_least"},
                                                          {Op::atMost, "at_most"},
                                                          {Op::between, "between"},
                                                          {Op::empty, "empty"},
                                                          {Op::notEmpty, "not_empty"}}};

long long signedInUser(const plugin::Host& host) {
    auto user = host.actingUser();
    if (!user) throw ValidationError("user", "sign in to save queries: they are kept per person");
    return *user;
}

}  // namespace

std::string opName(Op op) {
    for (const auto& [o, name] : kOps)
        if (o == op) return name;
    return "contains";
}

std::optional<Op> opFromName(const std::string& name) {
    for (const auto& [o, n] : kOps)
        if (name == n) return o;
    return std::nullopt;
}

std::string Query::toJson() const {
    nlohmann::json conditionsJson = nlohmann::json::array();
    for (const auto& c : conditions)
        conditionsJson.push_back({{"field", c.field}, {"op", opName(c.op)}, {"value", c.value}, {"value2", c.value2}});
    return nlohmann::json{{"search", search}, {"conditions", conditionsJson}, {"sort", sortField}, {"descending", descending}}
        .dump();
}

Query Query::fromJson(const std::string& text) {
    try {
        auto json = nlohmann::json::parse(text);
        Query q;
        q.search = json.value("search", "");
        q.sortField = json.value("sort", "");
        q.descending = json.value("descending", false);
        const auto conditions = json.value("conditions", nlohmann::json::array());
        for (const auto& c : conditions) {
            auto op = opFromName(c.at("op").get<std::string>());
            if (!op) throw ValidationError("query", "'" + c.at("op").get<std::string>() + "' is not a condition");
            q.conditions.push_back({c.at("field"), *op, c.value("value", ""), c.value("value2", "")});
        }
        return q;
    } catch (const nlohmann::json::exception& e) {
        throw ValidationError("query", std::string("is not a saved query: ") + e.what());
    }
}

std::vector<std::pair<std::string, Query>> SavedQueries::list(const std::string& listId) const {
    long long user = signedInUser(host_);
    return host_.database().withSession([&](soci::session& s) {
        std::vector<std::pair<std::string, Query>> out;
        soci::rowset<soci::row> rows = (s.prepare << "SELECT name, query FROM core_saved_query WHERE user_id = :u AND "
                                                     "list = :l ORDER BY name",
                                        soci::use(user), soci::use(listId));
        for (const auto& r : rows) out.emplace_back(db::textAt(r, 0), Query::fromJson(db::textAt(r, 1)));
        return out;
    });
}

void SavedQueries::save(const std::string& listId, const std::string& name, const Query& query) {
    long long user = signedInUser(host_);
    if (name.find_first_not_of(" \t") == std::string::npos) throw ValidationError("name", "give the query a name");
    std::string json = query.toJson();
    long long now = clock_.nowMs();
    host_.database().inTransaction([&](soci::session& s) {
        s << "DELETE FROM core_saved_query WHERE user_id = :u AND list = :l AND name = :n", soci::use(user),
            soci::use(listId), soci::use(name);
        s << "INSERT INTO core_saved_query (user_id, list, name, query, created_at) VALUES (:u, :l, :n, :q, :t)",
            soci::use(user), soci::use(listId), soci::use(name), soci::use(json), soci::use(now);
    });
}

void SavedQueries::remove(const std::string& listId, const std::string& name) {
    long long user = signedInUser(host_);
    host_.database().withSession([&](soci::session& s) {
        s << "DELETE FROM core_saved_query WHERE user_id = :u AND list = :l AND name = :n", soci::use(user),
            soci::use(listId), soci::use(name);
    });
}

}  // namespace tiller::record
