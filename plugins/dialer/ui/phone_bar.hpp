// The phone bar (电话条, SPEC §7.1) across the top of the main window: agent state, number,
// call and hang up, hold, transfer, consult and three-way, mute, the keypad, recording, and the
// call's timer. It owns the PC's phone: made from the settings when the window opens, polled
// every 20 ms on the UI thread (liblinphone's events arrive inside the poll), and placed on the
// Telephony service so every phone field's Call button dials through it.
#pragma once

#include "core/dialer_contributions.hpp"
#include "core/sip_provider.hpp"

#include <tiller/clock.hpp>

#include <wx/panel.h>
#include <wx/timer.h>

#include <map>
#include <memory>

class wxButton;
class wxChoice;
class wxStaticText;
class wxTextCtrl;
class wxToggleButton;

namespace dialer::ui {

class ScreenPop;

class PhoneBar : public wxPanel {
public:
    PhoneBar(wxWindow* parent, tiller::plugin::Host& host, std::shared_ptr<PhoneService> service);
    ~PhoneBar() override;

private:
    void start();
    void refresh();
    void callNumber();
    void transfer();
    void consult();
    void keypad();
    void showIncoming(const ActiveCall& call);
    void showEnded(const tiller::telephony::CallEvent& ended);
    void act(const std::function<void()>& action);  // shows what it throws, keeps the bar going

    tiller::plugin::Host& host_;
    std::shared_ptr<PhoneService> service_;
    tiller::SystemClock clock_;
    std::unique_ptr<Phone> phone_;
    SipProvider* sip_ = nullptr;
    std::string startProblem_;
    std::string consultation_;  // the consultation call's id while one is made
    std::map<std::string, ScreenPop*> pops_;
    wxTimer poll_, tick_;
    wxChoice* state_;
    wxTextCtrl* number_;
    wxButton *call_, *hangUp_, *transfer_, *consult_, *join_, *keys_, *record_;
    wxToggleButton *hold_, *mute_;
    wxStaticText* status_;
};

}  // namespace dialer::ui
