// The customer 360° view (客户360度视图, SPEC §2.9): one screen with the customer's header (name,
// status, type, account manager, phones, possible duplicates) and tabs: Details (the card,
// saved with the stale-edit check), Contacts, Addresses, Activities, History, Approvals, then
// one tab for every record panel other plugins put in the "contacts.customer" slot (orders,
// tickets, calls ...). A panel that fails shows its error in its own tab; the rest works on.
#pragma once

#include <tiller/plugin/host.hpp>
#include <tiller/record/store.hpp>
#include <tiller/ui/ui_registry.hpp>

#include <wx/panel.h>

#include <memory>
#include <optional>

class wxListCtrl;
class wxNotebook;
class wxStaticText;
class wxWrapSizer;
class wxBoxSizer;

namespace tiller::ui {
class RecordForm;
}

namespace contacts::card {

class ChildRecordsPanel;

class CustomerView : public wxPanel {
public:
    CustomerView(wxWindow* parent, tiller::plugin::Host& host, const tiller::ui::UiRegistry& widgets, long long customerId);

private:
    void fillHeader();
    void makeDetails(wxWindow* page);
    void saveDetails();
    void reload();  // the saved customer again: header, card and the change lists
    void fillTimeline();
    void fillHistory();
    void fillApprovals();
    void addPanelTabs();
    void openMerge();

    tiller::plugin::Host& host_;
    const tiller::ui::UiRegistry& widgets_;
    long long id_;
    std::shared_ptr<tiller::record::Store> store_;
    tiller::record::Record record_;
    wxStaticText* title_ = nullptr;
    wxWrapSizer* facts_ = nullptr;
    wxStaticText* duplicates_ = nullptr;
    wxNotebook* tabs_ = nullptr;
    wxPanel* details_ = nullptr;
    wxBoxSizer* detailsSizer_ = nullptr;
    tiller::ui::RecordForm* form_ = nullptr;
    ChildRecordsPanel* contacts_ = nullptr;
    ChildRecordsPanel* addresses_ = nullptr;
    wxListCtrl* timeline_ = nullptr;
    wxListCtrl* history_ = nullptr;
    wxListCtrl* approvals_ = nullptr;
};

}  // namespace contacts::card
