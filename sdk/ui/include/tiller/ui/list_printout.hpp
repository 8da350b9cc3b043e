// The current query of a list on paper (wx printing framework): a title, the column headings
// and the rows, as many pages as it takes, with page numbers.
#pragma once

#include <tiller/record/pager.hpp>

#include <wx/print.h>

namespace tiller::ui {

class ListPrintout : public wxPrintout {
public:
    ListPrintout(record::RecordPager& pager, const wxString& title);
    bool HasPage(int page) override;
    void GetPageInfo(int* minPage, int* maxPage, int* selFrom, int* selTo) override;
    bool OnPrintPage(int page) override;
    void OnPreparePrinting() override;

    // At most this many rows are printed (a million-row list is exported, not printed).
    static constexpr std::size_t kMaxRows = 10000;

private:
    record::RecordPager& pager_;
    wxString title_;
    int rowsPerPage_ = 40;
    int pages_ = 1;
};

}  // namespace tiller::ui
