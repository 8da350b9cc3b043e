// A tab of the 360° view listing records that belong to the customer (its contacts, its
// addresses) with Add, Edit and Delete. New ones are made for this customer; editing uses the
// record's own dialog (history and approvals included).
#pragma once

#include <tiller/record/store.hpp>

#include <wx/listctrl.h>
#include <wx/panel.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace contacts::card {

class ChildRecordsPanel : public wxPanel {
public:
    // `entity` has a reference field `customer_id`; `columns` are its fields to show.
    ChildRecordsPanel(wxWindow* parent, std::shared_ptr<tiller::record::Store> store, std::string entity,
                      long long customerId, std::vector<std::string> columns);
    void reload();
    std::size_t count() const { return ids_.size(); }
    // Called after a record was added, changed or deleted here (the view refreshes its timeline).
    std::function<void()> onChange;

private:
    void add();
    void edit();
    void remove();
    long long selectedId() const;

    std::shared_ptr<tiller::record::Store> store_;
    std::string entity_;
    long long customerId_;
    std::vector<std::string> columns_;
    wxListCtrl* table_;
    std::vector<long long> ids_;
};

}  // namespace contacts::card
