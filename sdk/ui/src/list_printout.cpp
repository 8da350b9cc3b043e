#include <tiller/ui/list_printout.hpp>
#include <tiller/ui/tr.hpp>

#include <wx/dc.h>

#include <algorithm>

namespace tiller::ui {

ListPrintout::ListPrintout(record::RecordPager& pager, const wxString& title)
    : wxPrintout(title), pager_(pager), title_(title) {}

void ListPrintout::OnPreparePrinting() {
    wxDC* dc = GetDC();
    // Logical units are tenths of a millimetre on A4; fonts are sized in them too (3.2 mm rows).
    FitThisSizeToPaper(wxSize(2100, 2970));
    wxCoord w = 0, h = 0;
    dc->SetFont(wxFontInfo(wxSize(0, 32)));
    dc->GetTextExtent("Ay", &w, &h);
    rowsPerPage_ = std::max(1, static_cast<int>((2970 - 400) / (h * 1.4)));
    std::size_t rows = std::min(pager_.count(), kMaxRows);
    pages_ = std::max(1, static_cast<int>((rows + static_cast<std::size_t>(rowsPerPage_) - 1) / static_cast<std::size_t>(rowsPerPage_)));
}

bool ListPrintout::HasPage(int page) { return page >= 1 && page <= pages_; }

void ListPrintout::GetPageInfo(int* minPage, int* maxPage, int* selFrom, int* selTo) {
    *minPage = *selFrom = 1;
    *maxPage = *selTo = pages_;
}

bool ListPrintout::OnPrintPage(int page) {
    wxDC* dc = GetDC();
    FitThisSizeToPaper(wxSize(2100, 2970));
    const auto& columns = pager_.columns();
    int width = 2100 - 100;
    int total = 0;
    for (const auto& c : columns) total += c.width;
    auto x = [&](std::size_t column) {
        int before = 0;
        for (std::size_t i = 0; i < column; ++i) before += columns[i].width;
        return 50 + before * width / std::max(1, total);
    };
    dc->SetFont(wxFontInfo(wxSize(0, 56)).Bold());
    dc->DrawText(title_, 50, 50);
    dc->SetFont(wxFontInfo(wxSize(0, 32)).Bold());
    wxCoord w = 0, h = 0;
    dc->GetTextExtent("Ay", &w, &h);
    int y = 200;
    for (std::size_t c = 0; c < columns.size(); ++c) dc->DrawText(ui::tr(columns[c].label), x(c), y);
    y += static_cast<int>(h * 1.4);
    dc->DrawLine(50, y - 5, 50 + width, y - 5);
    dc->SetFont(wxFontInfo(wxSize(0, 32)));
    auto rows = pager_.rows(static_cast<std::size_t>(page - 1) * static_cast<std::size_t>(rowsPerPage_),
                            static_cast<std::size_t>(rowsPerPage_));
    for (const auto& row : rows) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            dc->SetClippingRegion(x(c), y, x(c + 1) - x(c) - 10, static_cast<int>(h * 1.4));
            dc->DrawText(text(row[c]), x(c), y);
            dc->DestroyClippingRegion();
        }
        y += static_cast<int>(h * 1.4);
    }
    dc->DrawText(wxString::Format("%d / %d", page, pages_), 50 + width - 150, 2970 - 150);
    return true;
}

}  // namespace tiller::ui
