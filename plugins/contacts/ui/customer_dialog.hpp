// A dialog about one customer picked at its top (Request status upgrade, Assess customer value):
// the customer picker, a red problem line, one action button and Close. The dialog builds what
// it shows between them and reloads it when another customer is picked.
#pragma once

#include <tiller/clock.hpp>
#include <tiller/plugin/host.hpp>
#include <tiller/record/store.hpp>
#include <tiller/ui/field_editors.hpp>

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <functional>
#include <memory>

namespace contacts {

class CustomerDialog : public wxDialog {
protected:
    CustomerDialog(wxWindow* parent, tiller::plugin::Host& host, const wxString& title);

    // The customer field: a picker of customers that calls load() when the choice changes.
    wxWindow* makePicker();
    // Puts the problem line, then `under` (may be null), then [action] [Close] at the bottom of
    // `sizer`, fits the dialog, picks `customerId` (0: none yet) and loads.
    void finish(wxBoxSizer* sizer, wxWindow* under, const wxString& actionLabel, std::function<void()> action,
                long long customerId);
    long long customer() const;  // 0 when none is picked
    virtual void load() = 0;

    tiller::plugin::Host& host_;
    tiller::SystemClock clock_;
    tiller::record::Store store_;
    std::unique_ptr<tiller::ui::FieldEditor> picker_;
    wxStaticText* problem_ = nullptr;
    wxButton* action_ = nullptr;
};

}  // namespace contacts
