// The screen pop (来电弹屏, SPEC §7.2): shown as soon as a call arrives, before the agent answers.
// A known caller: the customer, contact and account manager, the last calls, what other plugins
// add (recent tickets, orders), and buttons to open the customer or make a ticket or order. An
// unknown number: the number, where it is from (来电归属地) and "New customer" with the number
// filled in. Answer and Reject act on the call.
#pragma once

#include "core/phone.hpp"

#include <wx/dialog.h>

namespace dialer::ui {

class ScreenPop : public wxDialog {
public:
    ScreenPop(wxWindow* parent, tiller::plugin::Host& host, Phone& phone, const ActiveCall& call);

    const std::string& callId() const { return callId_; }
    // The call was answered (the buttons that act on a ringing call go) or is over.
    void answered();
    void ended(tiller::telephony::CallResult result);

private:
    void addSections(wxSizer* sizer, const tiller::telephony::Caller& caller);
    tiller::plugin::Host& host_;
    Phone& phone_;
    std::string callId_;
    tiller::telephony::Caller caller_;
    wxWindow* answer_ = nullptr;
    wxWindow* reject_ = nullptr;
    wxWindow* state_ = nullptr;
};

}  // namespace dialer::ui
