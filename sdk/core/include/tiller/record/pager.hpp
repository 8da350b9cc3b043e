// The rows of a declared list for a query, a page at a time, without OFFSET over the whole
// table: pages are found from the nearest row already seen (keyset paging on the sort column
// and id), or counted back from the end, so a million-row list opens, scrolls and jumps to
// its end as fast as a small one.
#pragma once

#include <tiller/jobs/progress.hpp>
#include <tiller/plugin/list_source.hpp>
#include <tiller/record/list.hpp>
#include <tiller/record/query.hpp>
#include <tiller/record/store.hpp>

#include <functional>
#include <map>
#include <memory>

namespace tiller::record {

struct Page {
    std::vector<long long> ids;
    std::vector<std::vector<data::Value>> rows;  // in the order of fields()
};

class RecordPager : public plugin::ListSource {
public:
    // Throws ValidationError for a condition the fields do not accept (field and reason).
    RecordPager(std::shared_ptr<Store> store, ListDefinition list, Query query = {});

    const ListDefinition& list() const { return list_; }
    const Entity& entity() const { return *entity_; }
    const std::vector<const Field*>& fields() const { return fields_; }  // the visible columns
    const Query& query() const { return query_; }
    // A new search, filters or sort; forgets what was counted and seen.
    void setQuery(Query query);
    // Forget counts and pages: the data changed.
    void refresh();
    std::string sortField() const { return sortField_; }
    bool descending() const { return descending_; }

    Page page(std::size_t offset, std::size_t limit);
    // Every row of the query in order (exports), polling `progress` each page.
    void forEach(jobs::Progress& progress, const std::function<void(long long, const std::vector<data::Value>&)>& row);

    // ListSource
    const std::vector<plugin::ListColumn>& columns() const override { return columns_; }
    std::size_t count() override;
    std::vector<std::vector<std::string>> rows(std::size_t offset, std::size_t limit) override;

    Store& store() { return *store_; }

private:
    struct Key {
        data::Value sort;
        long long id = 0;
    };
    void build();
    std::string keyCondition(const Key& key, bool ascending);
    Page fetch(const std::string& extraWhere, bool ascending, std::size_t offset, std::size_t limit,
               std::vector<Key>* keys);

    std::shared_ptr<Store> store_;
    ListDefinition list_;
    const Entity* entity_;
    Query query_;
    std::vector<const Field*> fields_;
    std::vector<plugin::ListColumn> columns_;
    const Field* sortBy_ = nullptr;
    std::string sortField_;
    bool descending_ = false;
    std::string where_;                       // scope, search and conditions
    std::vector<std::pair<std::string, data::Value>> parameters_;  // for where_
    std::optional<std::size_t> count_;
    std::map<std::size_t, Key> anchors_;      // position -> key of the row there
};

}  // namespace tiller::record
