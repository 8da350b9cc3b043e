#include "phone_bar.hpp"
#include "dialer_ui_text.hpp"
#include "screen_pop.hpp"

#include "core/phone_settings.hpp"

#include <tiller/db/url.hpp>
#include <tiller/log/log.hpp>
#include <tiller/paths.hpp>
#include <tiller/ui/ui_registry.hpp>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>
#include <wx/tglbtn.h>

namespace dialer::ui {
namespace {

namespace tel = tiller::telephony;

// Recordings stay on the PC that made them, in its data folder (the call log names the file).
std::filesystem::path recordingsFolder() { return tiller::paths::userDataDir() / "recordings"; }

}  // namespace

PhoneBar::PhoneBar(wxWindow* parent, tiller::plugin::Host& host, std::shared_ptr<PhoneService> service)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "phone_bar"),
      host_(host),
      service_(std::move(service)),
      poll_(this),
      tick_(this) {
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto gap = FromDIP(4);
    row->Add(new wxStaticText(this, wxID_ANY, tr("Phone")), 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, FromDIP(8));
    state_ = new wxChoice(this, wxID_ANY);
    state_->SetName("agent_state");
    for (const char* s : {N_("Idle"), N_("Busy"), N_("Break")}) state_->Append(tr(s));
    state_->SetSelection(0);
    state_->SetToolTip(tr("Idle takes calls; busy and break turn them away"));
    row->Add(state_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap * 2);
    number_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, FromDIP(wxSize(150, -1)), wxTE_PROCESS_ENTER);
    number_->SetName("number");
    number_->SetHint(tr("Number or extension"));
    row->Add(number_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    auto button = [&](const char* caption, const char* name) {
        auto* b = new wxButton(this, wxID_ANY, tr(caption), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
        b->SetMinSize(wxSize(b->GetTextExtent(b->GetLabel()).x + FromDIP(18), -1));  // compact, not cramped
        b->SetName(name);
        row->Add(b, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
        return b;
    };
    auto toggle = [&](const char* caption, const char* name) {
        auto* b = new wxToggleButton(this, wxID_ANY, tr(caption), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
        b->SetMinSize(wxSize(b->GetTextExtent(b->GetLabel()).x + FromDIP(18), -1));
        b->SetName(name);
        row->Add(b, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
        return b;
    };
    call_ = button(N_("Call"), "call");
    hangUp_ = button(N_("Hang up"), "hang_up");
    hold_ = toggle(N_("Hold"), "hold");
    transfer_ = button(N_("Transfer"), "transfer");
    consult_ = button(N_("Consult"), "consult");
    join_ = button(N_("Three-way"), "three_way");
    mute_ = toggle(N_("Mute"), "mute");
    keys_ = button(N_("Keypad"), "keypad");
    record_ = button(N_("Record"), "record");
    status_ = new wxStaticText(this, wxID_ANY, "");
    status_->SetName("phone_status");
    row->Add(status_, 1, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(8));
    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(row, 0, wxEXPAND | wxTOP | wxBOTTOM, FromDIP(3));
    SetSizer(outer);

    state_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        if (phone_) phone_->setAgentState(static_cast<tel::AgentState>(state_->GetSelection()));
    });
    number_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { callNumber(); });
    call_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { callNumber(); });
    hangUp_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        act([this] {
            if (const auto* c = phone_->current()) phone_->hangUp(c->id);
        });
    });
    hold_->Bind(wxEVT_TOGGLEBUTTON, [this](wxCommandEvent&) {
        act([this] {
            const auto* c = phone_->current();
            if (!c) return;
            if (c->state == ActiveCall::State::held)
                phone_->provider().resume(c->id);
            else
                phone_->provider().hold(c->id);
        });
    });
    transfer_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { transfer(); });
    consult_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { consult(); });
    join_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        act([this] {
            std::string held;
            for (const auto& c : phone_->calls())
                if (c.id != consultation_) held = c.id;
            phone_->provider().conference(held, consultation_);
            consultation_.clear();
        });
    });
    mute_->Bind(wxEVT_TOGGLEBUTTON, [this](wxCommandEvent&) { act([this] { phone_->provider().setMuted(mute_->GetValue()); }); });
    keys_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { keypad(); });
    record_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        act([this] {
            if (const auto* c = phone_->current()) phone_->record(c->id);
        });
    });
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        if (phone_) act([this] { phone_->poll(); });
    }, poll_.GetId());
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { refresh(); }, tick_.GetId());
    service_->restart = [this] {  // new settings saved: a new phone with them
        if (phone_ && !phone_->calls().empty()) return false;
        poll_.Stop();
        tick_.Stop();
        service_->attach(nullptr);
        phone_.reset();
        sip_ = nullptr;
        startProblem_.clear();
        start();
        refresh();
        return true;
    };
    start();
    refresh();
}

PhoneBar::~PhoneBar() {
    service_->restart = nullptr;
    poll_.Stop();
    tick_.Stop();
    service_->attach(nullptr);
    for (auto& [id, pop] : pops_) pop->Destroy();
    phone_.reset();
    tiller::ui::showStatus("dialer", "");
}

void PhoneBar::start() {
    try {
        auto office = loadOfficePhone(host_.database());
        auto pc = loadPcPhone();
        auto accounts = accountsToRegister(host_, office, pc);
        // Nothing listens on the network until someone sets the phone up: an account, or this
        // PC's phone file (a PC taking calls straight to it, without a PBX).
        if (accounts.empty() && !std::filesystem::exists(pcPhoneFile())) {
            startProblem_ = dialer::tr("No phone account is set up: add one in Settings > Phone");
            tiller::ui::showStatus("dialer", tr("Phone: no account (Settings > Phone)"));
            return;
        }
        SipSettings s;
        s.dataDir = tiller::paths::userStateDir() / "dialer";
        s.bindAddress = pc.bindAddress;
        s.sipPort = pc.sipPort;
        s.headless = pc.soundFiles;
        s.playbackDevice = pc.playbackDevice;
        s.captureDevice = pc.captureDevice;
        s.ringerDevice = pc.ringerDevice;
        s.codecs = pc.codecs;
        s.ringFile = pc.ringFile;
        s.setupTimeoutMs = office.ringSeconds * 1000LL;
        if (office.recording != Recording::off) s.recordingsDir = recordingsFolder();
        auto provider = std::make_unique<SipProvider>(s, clock_);
        sip_ = provider.get();
        phone_ = std::make_unique<Phone>(host_, std::move(provider), clock_);
        phone_->setRecordAlways(office.recording == Recording::always);
        phone_->setRegistrationNeeded(!accounts.empty());
        for (const auto& a : accounts) sip_->addAccount(a);
        phone_->onIncoming = [this](const ActiveCall& c) { showIncoming(c); };
        phone_->onEnded = [this](const tel::CallEvent& e, long long) { showEnded(e); };
        phone_->onChange = [this] { refresh(); };
        service_->attach(phone_.get());
        poll_.Start(20);
        tick_.Start(1000);
        tiller::ui::showStatus("dialer", accounts.empty() ? tr("Phone: calls straight to this PC, port {1}", {std::to_string(sip_->sipPort())})
                                                           : tr("Phone {1}: registering...", {accounts.front().user}));
    } catch (const std::exception& e) {
        // The rest of Tiller runs without the phone; the bar says why it is idle.
        startProblem_ = e.what();
        tiller::log::error(std::string("dialer: the phone did not start: ") + e.what());
        phone_.reset();
        sip_ = nullptr;
        tiller::ui::showStatus("dialer", tr("Phone not started"));
    }
}

void PhoneBar::refresh() {
    bool up = phone_ != nullptr;
    const ActiveCall* c = up ? phone_->current() : nullptr;
    // A phone that did not start shows why, and no buttons that cannot work.
    for (wxWindow* w : std::initializer_list<wxWindow*>{state_, number_, call_, hangUp_, hold_, transfer_, consult_, join_, mute_,
                                                         keys_, record_})
        w->Show(up);
    for (wxWindow* w : std::initializer_list<wxWindow*>{state_, number_, call_}) w->Enable(up);
    hangUp_->Enable(c != nullptr);
    hold_->Enable(c && c->state != ActiveCall::State::ringing);
    hold_->SetValue(c && c->state == ActiveCall::State::held);
    transfer_->Enable(c && c->state != ActiveCall::State::ringing);
    consult_->Enable(c && c->state != ActiveCall::State::ringing && consultation_.empty());
    join_->Enable(!consultation_.empty() && up && phone_->call(consultation_) && phone_->call(consultation_)->answeredAt);
    mute_->Enable(c != nullptr);
    keys_->Enable(c && c->state == ActiveCall::State::talking);
    record_->Enable(c && c->state == ActiveCall::State::talking && c->recording.empty() &&
                    loadOfficePhone(host_.database()).recording == Recording::onDemand);
    wxString status;
    if (!up) {
        status = tr("Phone not started: {1}", {startProblem_});
    } else if (c) {
        std::string who = c->caller.known ? c->caller.name : (c->caller.number.empty() ? c->remoteNumber : c->caller.number);
        long long now = clock_.nowMs();
        switch (c->state) {
            case ActiveCall::State::ringing:
                status = c->direction == tel::Direction::incoming ? tr("Ringing: {1}", {who}) : tr("Calling {1}...", {who});
                break;
            case ActiveCall::State::talking:
                status = tr("Talking with {1}  {2}", {who, clockText(now - c->answeredAt.value_or(now))});
                break;
            case ActiveCall::State::held: status = tr("On hold: {1}", {who}); break;
        }
        if (!c->recording.empty()) status += "  " + tr("(recording)");
        if (phone_->calls().size() > 1)
            status += "  " + tr("+{1} more", {std::to_string(phone_->calls().size() - 1)});
    } else {
        switch (phone_->registration()) {
            case tel::Registration::ok: status = tr("Ready"); break;
            case tel::Registration::failed: status = tr("Not registered: {1}", {phone_->registrationReason()}); break;
            case tel::Registration::inProgress: status = tr("Registering..."); break;
            default: status = tr("Ready for calls to this PC"); break;
        }
    }
    status_->SetLabel(status);
    if (up && phone_->registration() != tel::Registration::none) {
        wxString reg = phone_->registration() == tel::Registration::ok
                           ? tr("Phone: registered")
                           : phone_->registration() == tel::Registration::failed
                                 ? tr("Phone: not registered ({1})", {phone_->registrationReason()})
                                 : tr("Phone: registering...");
        tiller::ui::showStatus("dialer", reg);
    }
    Layout();
}

void PhoneBar::act(const std::function<void()>& action) {
    try {
        action();
    } catch (const std::exception& e) {
        wxMessageBox(text(e.what()), tr("Phone"), wxOK | wxICON_WARNING, this);
    }
    refresh();
}

void PhoneBar::callNumber() {
    act([this] {
        std::string typed = tiller::ui::utf8(number_->GetValue());
        if (typed.empty()) throw tel::Refused(dialer::tr("Type a number to call"));
        phone_->dial(typed);
    });
}

void PhoneBar::transfer() {
    act([this] {
        const auto* c = phone_->current();
        if (!c) return;
        if (!consultation_.empty()) {  // attended: the consulted party takes the caller
            std::string held;
            for (const auto& other : phone_->calls())
                if (other.id != consultation_) held = other.id;
            phone_->provider().transferToConsultation(held, consultation_);
            consultation_.clear();
            return;
        }
        wxTextEntryDialog ask(this, tr("Transfer the call to (a number or a colleague's extension):"), tr("Transfer"));
        if (ask.ShowModal() != wxID_OK || ask.GetValue().empty()) return;
        phone_->provider().transfer(c->id, tiller::ui::utf8(ask.GetValue()));
    });
}

void PhoneBar::consult() {
    act([this] {
        const auto* c = phone_->current();
        if (!c) return;
        wxTextEntryDialog ask(this, tr("Consult (the caller waits on hold):"), tr("Consult"));
        if (ask.ShowModal() != wxID_OK || ask.GetValue().empty()) return;
        if (c->state != ActiveCall::State::held) phone_->provider().hold(c->id);
        consultation_ = phone_->provider().dial(tiller::ui::utf8(ask.GetValue()));
    });
}

void PhoneBar::keypad() {
    wxMenu pad;
    const char* keys = "123456789*0#";
    for (int i = 0; i < 12; ++i) pad.Append(wxID_HIGHEST + 100 + i, wxString(keys[i]));
    pad.Bind(wxEVT_MENU, [this, keys](wxCommandEvent& e) {
        char key = keys[e.GetId() - wxID_HIGHEST - 100];
        act([this, key] {
            if (const auto* c = phone_->current()) phone_->provider().sendDtmf(c->id, key);
        });
    });
    PopupMenu(&pad, keys_->GetPosition() + wxPoint(0, keys_->GetSize().y));
}

void PhoneBar::showIncoming(const ActiveCall& call) {
    auto* pop = new ScreenPop(tiller::ui::mainWindow(), host_, *phone_, call);
    pops_[call.id] = pop;
    pop->Show();
    pop->Raise();
    pop->Update();
    // How long the caller waited for the pop, from the INVITE taken in (issue 8: 150 ms).
    tiller::log::info("dialer: screen pop shown " + std::to_string(clock_.nowMs() - call.startedAt) + " ms after the INVITE (lookup " +
                      std::to_string(static_cast<int>(call.lookupMs)) + " ms)");
    refresh();
}

void PhoneBar::showEnded(const tel::CallEvent& ended) {
    if (ended.callId == consultation_) consultation_.clear();
    auto it = pops_.find(ended.callId);
    if (it == pops_.end()) return;
    ScreenPop* pop = it->second;
    pops_.erase(it);
    if (ended.result == tel::CallResult::answered || ended.result == tel::CallResult::transferred) {
        pop->ended(ended.result);  // stays, for the notes the agent may still take
    } else {
        pop->Destroy();  // missed or turned away: the message box has it
    }
}

}  // namespace dialer::ui
