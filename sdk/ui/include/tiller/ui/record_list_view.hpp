// A declared list (tiller/record/list.hpp) as the shell shows it: a search box, filters, the
// person's saved queries, a virtual table over keyset paging (a million rows scroll like ten),
// sorting by any indexed column, many rows selected for batch delete, export of the current
// query to CSV or Excel, and printing.
#pragma once

#include <tiller/record/pager.hpp>

#include <wx/listctrl.h>
#include <wx/panel.h>

#include <map>
#include <memory>
#include <set>

class wxSearchCtrl;
class wxChoice;
class wxStaticText;

namespace tiller::ui {

// The virtual table: only the rows on screen are fetched, a page at a time.
class RecordTable : public wxListCtrl {
public:
    RecordTable(wxWindow* parent, std::shared_ptr<record::RecordPager> pager);
    void reload();                          // count again, drop cached pages
    std::vector<long long> selectedIds() const;
    long long idAt(long row) const;
    // Whether a plugin's ListHighlight colours this row (red: over the credit limit ...).
    bool isHighlighted(long row) const;
    static wxColour highlightColour();

private:
    wxString OnGetItemText(long item, long column) const override;
    wxItemAttr* OnGetItemAttr(long item) const override;
    const std::pair<long long, std::vector<std::string>>* rowAt(long item) const;
    void highlight(const std::vector<long long>& ids) const;

    static constexpr std::size_t kPageSize = 100;
    std::shared_ptr<record::RecordPager> pager_;
    mutable std::map<std::size_t, std::vector<std::pair<long long, std::vector<std::string>>>> pages_;
    std::vector<plugin::ListHighlight> highlights_;
    mutable std::set<long long> highlighted_;  // ids of the cached pages that are coloured
    mutable wxItemAttr highlightAttr_;
};

class RecordListView : public wxPanel {
public:
    RecordListView(wxWindow* parent, std::shared_ptr<record::Store> store, const record::ListDefinition& list);
    RecordTable* table() { return table_; }
    record::RecordPager& pager() { return *pager_; }
    void refresh();
    // The File > Print preview of the current query (also used by tests).
    void printPreview();
    void exportTo(const wxString& path);

private:
    void applyQuery(record::Query query);
    void editFilters();
    void loadSavedQueries();
    void saveQuery();
    void openRecord(long long id);
    void deleteSelected();
    void exportList();
    void sortBy(int column);

    std::shared_ptr<record::Store> store_;
    std::shared_ptr<record::RecordPager> pager_;
    RecordTable* table_;
    wxSearchCtrl* search_;
    wxChoice* saved_;
    wxStaticText* status_;
    std::vector<std::pair<std::string, record::Query>> savedQueries_;
};

}  // namespace tiller::ui
