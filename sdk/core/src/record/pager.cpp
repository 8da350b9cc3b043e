#include <tiller/record/pager.hpp>

#include <tiller/db/row.hpp>

#include "sql_text.hpp"

#include <algorithm>

namespace tiller::record {
namespace {

bool textual(FieldType t) {
    return t == FieldType::text || t == FieldType::longText || t == FieldType::phone || t == FieldType::email ||
           t == FieldType::url;
}

// Not called bind: with a temporary name, std::bind (found through the std::string argument)
// would be the better match and the value would silently stay unbound.
void bindValue(soci::values& bound, const std::string& name, const data::Value& v) {
    if (std::holds_alternative<long long>(v)) bound.set(name, std::get<long long>(v));
    else bound.set(name, std::get<std::string>(v));
}

// Where NULLs of the sort column come: first going up on SQLite, last on PostgreSQL.
bool nullsFirst(db::Engine engine, bool ascending) { return engine == db::Engine::sqlite ? ascending : !ascending; }

// The rows from a key on (inclusive) in one direction, in two parts: `seek`, the rows an index
// on (sort column, id) reaches by seeking to the key, and `rest`, the rows that follow all of
// them in that order (the NULLs, or the values after NULLs that come first; "" when nothing
// follows). An OR of the two makes both engines read the index from its start instead of
// seeking, which is as slow as OFFSET, so a page is looked for in `seek` alone first.
struct KeyRange {
    std::string seek, rest;
    std::string all() const { return rest.empty() ? seek : "(" + seek + " OR " + rest + ")"; }
};

KeyRange keyRange(const std::string& sort, const data::Value& value, long long id, bool ascending, bool nullsFirst,
                  const std::string& parameter) {
    const std::string cmp = ascending ? " >= " : " <= ";
    const std::string key = std::to_string(id);
    if (sort == "id") return {"id" + cmp + key, ""};
    if (std::holds_alternative<std::monostate>(value))
        return {"(" + sort + " IS NULL AND id" + cmp + key + ")", nullsFirst ? sort + " IS NOT NULL" : ""};
    return {"(" + sort + ", id)" + cmp + "(:" + parameter + ", " + key + ")", nullsFirst ? "" : sort + " IS NULL"};
}

// From this many skipped rows on, a page's ids are found first and its columns read for those
// rows only (a deferred join): the skipped rows then cost an index-only scan, not a read of
// each row.
constexpr std::size_t kDeferredJoinFrom = 200;

}  // namespace

RecordPager::RecordPager(std::shared_ptr<Store> store, ListDefinition list, Query query)
    : store_(std::move(store)), list_(std::move(list)), entity_(&store_->entity(list_.entity)), query_(std::move(query)) {
    if (!entity_->viewPermission.empty()) store_->host().require(entity_->viewPermission);
    for (const auto& c : visibleColumns(list_, *entity_)) {
        const Field* f = listField(*entity_, c.field);
        fields_.push_back(f);
        int width = c.width ? c.width
                    : f->type == FieldType::longText ? 300
                    : f->type == FieldType::integer || f->type == FieldType::boolean ? 80
                                                                                     : 140;
        columns_.push_back({f->name, f->label, width});
    }
    build();
}

void RecordPager::setQuery(Query query) {
    query_ = std::move(query);
    build();
}

void RecordPager::refresh() {
    count_.reset();
    anchors_.clear();
}

void RecordPager::build() {
    refresh();
    sortField_ = query_.sortField.empty() ? list_.sortField : query_.sortField;
    descending_ = query_.sortField.empty() ? list_.descending : query_.descending;
    if (!sortable(*entity_, sortField_))
        throw ValidationError(sortField_, "the list cannot be sorted by this column (it has no index)");
    sortBy_ = listField(*entity_, sortField_);

    parameters_.clear();
    std::vector<std::string> parts;
    if (auto scope = store_->host().scopeCondition(entity_->table); !scope.empty()) parts.push_back(scope);
    auto parameter = [&](data::Value v) {
        std::string name = "p" + std::to_string(parameters_.size());
        parameters_.emplace_back(name, std::move(v));
        return ":" + name;
    };
    if (query_.search.find_first_not_of(" \t") != std::string::npos) {
        std::string any, p = parameter(likePattern(query_.search));
        for (const auto* f : entity_->searchableFields())
            any += (any.empty() ? "" : " OR ") + ("LOWER(CAST(" + f->name + " AS TEXT)) LIKE " + p + " ESCAPE '\\'");
        if (!any.empty()) parts.push_back("(" + any + ")");
    }
    // The list's own conditions (the public pool: no owner) first, then the person's.
    std::vector<Condition> conditions;
    for (const auto& c : list_.where) conditions.push_back({c.field, opFromName(c.op).value_or(Op::equals), c.value, c.value2});
    conditions.insert(conditions.end(), query_.conditions.begin(), query_.conditions.end());
    for (const auto& c : conditions) {
        const Field* f = listField(*entity_, c.field);
        if (!f || !hasColumn(f->type)) throw ValidationError(c.field, "is not a column of " + entity_->label.source);
        auto value = [&](const std::string& text) {
            if (c.op == Op::contains) return data::Value(likePattern(text));
            Parsed p = parseValue(*f, text, *store_);
            if (!p.error.empty()) throw ValidationError(f->name, p.error);
            if (std::holds_alternative<std::monostate>(p.value)) throw ValidationError(f->name, "give a value to compare with");
            return p.value;
        };
        const std::string& col = f->name;
        switch (c.op) {
            case Op::contains:
                parts.push_back("LOWER(CAST(" + col + " AS TEXT)) LIKE " + parameter(value(c.value)) + " ESCAPE '\\'");
                break;
            case Op::equals: parts.push_back(col + " = " + parameter(value(c.value))); break;
            case Op::notEquals:
                parts.push_back("(" + col + " <> " + parameter(value(c.value)) + " OR " + col + " IS NULL)");
                break;
            case Op::atLeast: parts.push_back(col + " >= " + parameter(value(c.value))); break;
            case Op::atMost: parts.push_back(col + " <= " + parameter(value(c.value))); break;
            case Op::between:
                parts.push_back(col + " >= " + parameter(value(c.value)) + " AND " + col + " <= " + parameter(value(c.value2)));
                break;
            case Op::empty:
                parts.push_back(textual(f->type) ? "(" + col + " IS NULL OR " + col + " = '')" : col + " IS NULL");
                break;
            case Op::notEmpty:
                parts.push_back(textual(f->type) ? "(" + col + " IS NOT NULL AND " + col + " <> '')" : col + " IS NOT NULL");
                break;
        }
    }
    where_.clear();
    for (const auto& p : parts) where_ += (where_.empty() ? "" : " AND ") + p;
}

std::size_t RecordPager::count() {
    if (count_) return *count_;
    soci::values bound;
    for (const auto& [name, v] : parameters_) bindValue(bound, name, v);
    std::string sql = "SELECT COUNT(*) FROM " + entity_->table + (where_.empty() ? "" : " WHERE " + where_);
    count_ = store_->host().database().withSession([&](soci::session& s) {
        soci::row row;
        if (parameters_.empty()) s << sql, soci::into(row);
        else s << sql, soci::use(bound), soci::into(row);
        return static_cast<std::size_t>(db::integerAt(row, 0));
    });
    return *count_;
}

// Rows from `key` on (inclusive), in the given direction. NULLs of the sort column come where
// the engine puts them: first going up on SQLite, last on PostgreSQL.
std::string RecordPager::keyCondition(const Key& key, bool ascending) {
    return keyRange(sortField_, key.sort, key.id, ascending, nullsFirst(store_->host().database().engine(), ascending),
                    "k" + std::to_string(parameters_.size()))
        .all();
}

Page RecordPager::fetch(const std::string& extraWhere, bool ascending, std::size_t offset, std::size_t limit,
                        std::vector<Key>* keys) {
    std::string dir = ascending ? " ASC" : " DESC";
    std::string columns = "id, " + sortField_;
    for (const auto* f : fields_) columns += ", " + f->name;
    std::string where = where_;
    if (!extraWhere.empty()) where += (where.empty() ? "" : " AND ") + extraWhere;
    std::string order = " ORDER BY " + (sortField_ == "id" ? "id" + dir : sortField_ + dir + ", id" + dir);
    std::string rows = " FROM " + entity_->table + (where.empty() ? "" : " WHERE " + where) + order + " LIMIT " +
                       std::to_string(limit) + (offset ? " OFFSET " + std::to_string(offset) : "");
    std::string sql = offset < kDeferredJoinFrom
                          ? "SELECT " + columns + rows
                          : "SELECT " + columns + " FROM " + entity_->table + " WHERE id IN (SELECT id" + rows + ")" + order;
    return store_->host().database().withSession([&](soci::session& s) {
        Page page;
        soci::values bound;
        for (const auto& [name, v] : parameters_) bindValue(bound, name, v);
        if (keys && !keys->empty() && sql.find(":k") != std::string::npos)
            bindValue(bound, "k" + std::to_string(parameters_.size()), keys->front().sort);
        bool anyParameter = !parameters_.empty() || sql.find(":k") != std::string::npos;
        soci::row r;
        soci::statement st = anyParameter ? (s.prepare << sql, soci::use(bound), soci::into(r)) : (s.prepare << sql, soci::into(r));
        st.execute();
        if (keys) keys->clear();
        while (st.fetch()) {
            page.ids.push_back(db::integerAt(r, 0));
            if (keys) keys->push_back({valueAt(*sortBy_, r, 1), page.ids.back()});
            std::vector<data::Value> values;
            for (std::size_t i = 0; i < fields_.size(); ++i) values.push_back(valueAt(*fields_[i], r, i + 2));
            page.rows.push_back(std::move(values));
        }
        return page;
    });
}

Page RecordPager::page(std::size_t offset, std::size_t limit) {
    std::size_t total = count();
    if (offset >= total || limit == 0) return {};
    limit = std::min(limit, total - offset);
    bool ascending = !descending_;

    // The nearest row seen at or before `offset`, else the start.
    std::size_t from = 0;
    const Key* anchor = nullptr;
    if (auto it = anchors_.upper_bound(offset); it != anchors_.begin()) {
        --it;
        from = it->first;
        anchor = &it->second;
    }
    std::size_t forward = offset - from;
    std::size_t backward = total - (offset + limit);  // counted back from the end

    std::vector<Key> keys;
    Page page;
    if (forward <= backward) {
        if (anchor) {
            KeyRange range = keyRange(sortField_, anchor->sort, anchor->id, ascending,
                                      nullsFirst(store_->host().database().engine(), ascending),
                                      "k" + std::to_string(parameters_.size()));
            if (!range.rest.empty()) {
                keys.push_back(*anchor);
                page = fetch(range.seek, ascending, forward, limit, &keys);
            }
        }
        if (page.ids.size() < limit) {  // not looked for in `seek` alone, or it reaches into `rest`
            keys.clear();
            if (anchor) keys.push_back(*anchor);
            page = fetch(anchor ? keyCondition(*anchor, ascending) : "", ascending, forward, limit, &keys);
        }
    } else {
        page = fetch("", !ascending, backward, limit, &keys);
        std::reverse(page.ids.begin(), page.ids.end());
        std::reverse(page.rows.begin(), page.rows.end());
        std::reverse(keys.begin(), keys.end());
    }
    if (!keys.empty()) {
        anchors_[offset] = keys.front();
        anchors_[offset + keys.size() - 1] = keys.back();
    }
    return page;
}

std::vector<std::vector<std::string>> RecordPager::rows(std::size_t offset, std::size_t limit) {
    Page p = page(offset, limit);
    std::vector<std::vector<std::string>> out;
    for (const auto& values : p.rows) {
        std::vector<std::string> texts;
        for (std::size_t i = 0; i < fields_.size(); ++i) texts.push_back(store_->text(*fields_[i], values[i]));
        out.push_back(std::move(texts));
    }
    return out;
}

void RecordPager::forEach(jobs::Progress& progress,
                          const std::function<void(long long, const std::vector<data::Value>&)>& row) {
    constexpr std::size_t kPage = 1000;
    std::size_t total = count();
    for (std::size_t done = 0; done < total; done += kPage) {
        jobs::checkpoint(progress, static_cast<long long>(done), static_cast<long long>(total));
        Page p = page(done, kPage);
        for (std::size_t i = 0; i < p.ids.size(); ++i) row(p.ids[i], p.rows[i]);
    }
    jobs::checkpoint(progress, static_cast<long long>(total), static_cast<long long>(total));
}

}  // namespace tiller::record
