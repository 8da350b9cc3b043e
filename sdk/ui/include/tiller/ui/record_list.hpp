// A virtual list over a plugin::ListSource: only the rows on screen are fetched, a page at a
// time, so a million-row table scrolls like a ten-row one.
#pragma once

#include <tiller/plugin/list_source.hpp>

#include <wx/listctrl.h>

#include <map>
#include <memory>

namespace tiller::ui {

class RecordList : public wxListCtrl {
public:
    // `domain` translates column labels that name no catalog (the plugin's, usually).
    RecordList(wxWindow* parent, std::shared_ptr<plugin::ListSource> source, const std::string& domain);
    // Re-reads the row count and drops cached pages (after the data changed).
    void refresh();

private:
    wxString OnGetItemText(long item, long column) const override;
    const std::vector<std::string>* rowAt(long item) const;

    static constexpr std::size_t kPageSize = 200;
    std::shared_ptr<plugin::ListSource> source_;
    mutable std::map<std::size_t, std::vector<std::vector<std::string>>> pages_;
};

}  // namespace tiller::ui
