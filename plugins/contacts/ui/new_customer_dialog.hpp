// "New customer" (SPEC §2.1, rule 004): the customer card beside its first contact, saved
// together through contacts::CustomerBook::add (both or neither). Each problem shows under its
// field, the contact's too; possible duplicates (§2.10) are shown before saving, and the person
// may save anyway.
#pragma once

#include <tiller/plugin/host.hpp>
#include <tiller/record/store.hpp>

#include <wx/dialog.h>

namespace tiller::ui {
class RecordForm;
}

namespace contacts::card {

class NewCustomerDialog : public wxDialog {
public:
    // `prefill`: the customer's fields to start with (a caller's number from the screen pop).
    NewCustomerDialog(wxWindow* parent, tiller::plugin::Host& host, const tiller::record::Input& prefill = {});
    long long savedId() const { return savedId_; }

private:
    bool save();

    tiller::plugin::Host& host_;
    tiller::record::Store store_;
    tiller::ui::RecordForm* customer_ = nullptr;
    tiller::ui::RecordForm* contact_ = nullptr;
    long long savedId_ = 0;
};

}  // namespace contacts::card
