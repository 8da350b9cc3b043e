// The rows behind a list view, fetched a page at a time so a list of a million records opens
// as fast as a list of ten. The shell's virtual list asks only for what is on screen.
#pragma once

#include <tiller/db/database.hpp>
#include <tiller/i18n/text.hpp>

#include <memory>
#include <string>
#include <vector>

namespace tiller::plugin {

struct ListColumn {
    std::string field;  // column in the table
    i18n::Text label;
    int width = 120;    // pixels at 96 dpi
};

class ListSource {
public:
    virtual ~ListSource() = default;
    virtual const std::vector<ListColumn>& columns() const = 0;
    virtual std::size_t count() = 0;
    // Rows [offset, offset + limit), each a vector of displayable texts in column order.
    virtual std::vector<std::vector<std::string>> rows(std::size_t offset, std::size_t limit) = 0;
};

class Host;

// A plain table, ordered by one column, limited to the rows the signed-in person may see (the
// data scope of an OwnedTable). Table and column names come from the plugin's code, never from
// user input; they are checked to be identifiers anyway.
class TableListSource : public ListSource {
public:
    TableListSource(Host& host, std::string table, std::vector<ListColumn> columns, std::string orderBy);
    const std::vector<ListColumn>& columns() const override { return columns_; }
    std::size_t count() override;
    std::vector<std::vector<std::string>> rows(std::size_t offset, std::size_t limit) override;

private:
    std::shared_ptr<db::Database> database_;
    std::string where_;  // the data scope, fixed for the signed-in person
    std::string table_;
    std::vector<ListColumn> columns_;
    std::string orderBy_;
    std::string select_;
};

}  // namespace tiller::plugin
