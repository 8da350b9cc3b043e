#include <tiller/ui/record_list.hpp>
#include <tiller/ui/text.hpp>

#include <tiller/i18n/catalogs.hpp>
#include <tiller/log/log.hpp>

namespace tiller::ui {

RecordList::RecordList(wxWindow* parent, std::shared_ptr<plugin::ListSource> source,
                       const std::string& domain)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                 wxLC_REPORT | wxLC_VIRTUAL | wxLC_HRULES | wxLC_VRULES),
      source_(std::move(source)) {
    for (const auto& column : source_->columns()) {
        i18n::Text label = column.label;
        if (label.domain.empty()) label.domain = domain;
        AppendColumn(text(i18n::tr(label)), wxLIST_FORMAT_LEFT, FromDIP(column.width));
    }
    refresh();
}

void RecordList::refresh() {
    pages_.clear();
    SetItemCount(static_cast<long>(source_->count()));
    Refresh();
}

const std::vector<std::string>* RecordList::rowAt(long item) const {
    std::size_t page = static_cast<std::size_t>(item) / kPageSize;
    auto it = pages_.find(page);
    if (it == pages_.end()) {
        if (pages_.size() > 50) pages_.clear();  // keep memory flat while scrolling far
        try {
            it = pages_.emplace(page, source_->rows(page * kPageSize, kPageSize)).first;
        } catch (const std::exception& e) {
            log::error(std::string("cannot read list rows: ") + e.what());
            return nullptr;
        }
    }
    std::size_t offset = static_cast<std::size_t>(item) % kPageSize;
    return offset < it->second.size() ? &it->second[offset] : nullptr;
}

wxString RecordList::OnGetItemText(long item, long column) const {
    const auto* row = rowAt(item);
    if (!row || column < 0 || static_cast<std::size_t>(column) >= row->size()) return {};
    return text((*row)[static_cast<std::size_t>(column)]);
}

}  // namespace tiller::ui
