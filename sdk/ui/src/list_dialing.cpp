#include <tiller/telephony/telephony.hpp>
#include <tiller/ui/error_dialog.hpp>
#include <tiller/ui/list_dialing.hpp>
#include <tiller/ui/text.hpp>
#include <tiller/ui/tr.hpp>

#include <wx/menu.h>

namespace tiller::ui {

void offerCallsFromRows(wxListCtrl& table, record::Store& store, const record::ListDefinition& list) {
    auto phone = store.host().service<telephony::Telephony>();
    if (!phone) return;
    auto phoneColumns = record::phoneColumns(list, store.entity(list.entity));
    if (phoneColumns.empty()) return;
    table.Bind(wxEVT_LIST_ITEM_RIGHT_CLICK, [&table, phone, phoneColumns](wxListEvent& e) {
        wxMenu menu;
        std::vector<std::string> numbers;
        for (std::size_t c : phoneColumns) {
            wxString number = table.GetItemText(e.GetIndex(), static_cast<int>(c));
            if (number.empty()) continue;
            numbers.push_back(utf8(number));
            menu.Append(wxID_HIGHEST + 200 + static_cast<int>(numbers.size()), wxString::Format(tr("Call %s"), number));
        }
        if (numbers.empty()) return;
        std::string why;
        if (!phone->canDial(&why))
            for (auto* item : menu.GetMenuItems()) item->Enable(false);
        menu.Bind(wxEVT_MENU, [&table, phone, numbers](wxCommandEvent& m) {
            try {
                phone->dial(numbers.at(static_cast<std::size_t>(m.GetId() - wxID_HIGHEST - 201)));
            } catch (const std::exception& error) {
                showError(&table, tr("The call could not be placed"), error);
            }
        });
        if (!why.empty()) {
            menu.AppendSeparator();
            menu.Append(wxID_ANY, text(why))->Enable(false);  // why the calls are greyed out
        }
        table.PopupMenu(&menu);
    });
}

}  // namespace tiller::ui
