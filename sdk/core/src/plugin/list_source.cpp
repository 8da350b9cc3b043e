#include <tiller/db/row.hpp>
#include <tiller/errors.hpp>
#include <tiller/plugin/host.hpp>
#include <tiller/plugin/list_source.hpp>

#include <regex>

namespace tiller::plugin {
namespace {
void checkIdentifier(const std::string& name) {
    static const std::regex identifier("[A-Za-z_][A-Za-z0-9_]*");
    if (!std::regex_match(name, identifier))
        throw ValidationError("list", "'" + name + "' is not a table or column name");
}

}  // namespace

TableListSource::TableListSource(Host& host, std::string table, std::vector<ListColumn> columns,
                                 std::string orderBy)
    : database_(host.sharedDatabase()),
      table_(std::move(table)),
      columns_(std::move(columns)),
      orderBy_(std::move(orderBy)) {
    checkIdentifier(table_);
    checkIdentifier(orderBy_);
    select_ = "SELECT ";
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        checkIdentifier(columns_[i].field);
        select_ += (i ? ", " : "") + columns_[i].field;
    }
    std::string scope = host.scopeCondition(table_);
    where_ = scope.empty() ? "" : " WHERE " + scope;
    select_ += " FROM " + table_ + where_ + " ORDER BY " + orderBy_ + " LIMIT :limit OFFSET :offset";
}

std::size_t TableListSource::count() {
    return database_->withSession([&](soci::session& s) {
        long long n = 0;
        s << "SELECT COUNT(*) FROM " + table_ + where_, soci::into(n);
        return static_cast<std::size_t>(n);
    });
}

std::vector<std::vector<std::string>> TableListSource::rows(std::size_t offset, std::size_t limit) {
    return database_->withSession([&](soci::session& s) {
        std::vector<std::vector<std::string>> out;
        long long l = static_cast<long long>(limit), o = static_cast<long long>(offset);
        soci::rowset<soci::row> rs = (s.prepare << select_, soci::use(l, "limit"), soci::use(o, "offset"));
        for (const auto& row : rs) {
            std::vector<std::string> cells;
            for (std::size_t i = 0; i < row.size(); ++i) cells.push_back(db::displayAt(row, i));
            out.push_back(std::move(cells));
        }
        return out;
    });
}

}  // namespace tiller::plugin
