#include "calls_panel.hpp"
#include "dialer_ui_text.hpp"

#include "core/sip_provider.hpp"

#include <tiller/util/time_text.hpp>

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace dialer::ui {
namespace {

namespace tel = tiller::telephony;

class CallsPanel : public wxPanel {
public:
    CallsPanel(wxWindow* parent, tiller::plugin::Host& host, long long customerId, std::shared_ptr<PhoneService> service)
        : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "customer_calls"), service_(std::move(service)) {
        calls_ = CallLog(host.database()).ofRecord("contacts.customer", customerId, 200);
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        auto* list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
        list->AppendColumn(tr("Time"), wxLIST_FORMAT_LEFT, FromDIP(140));
        list->AppendColumn(tr("Direction"), wxLIST_FORMAT_LEFT, FromDIP(70));
        list->AppendColumn(tr("Number"), wxLIST_FORMAT_LEFT, FromDIP(140));
        list->AppendColumn(tr("Agent"), wxLIST_FORMAT_LEFT, FromDIP(90));
        list->AppendColumn(tr("Rang"), wxLIST_FORMAT_RIGHT, FromDIP(60));
        list->AppendColumn(tr("Talk"), wxLIST_FORMAT_RIGHT, FromDIP(60));
        list->AppendColumn(tr("Result"), wxLIST_FORMAT_LEFT, FromDIP(90));
        list->AppendColumn(tr("Recording"), wxLIST_FORMAT_LEFT, FromDIP(80));
        for (const auto& c : calls_) {
            long row = list->InsertItem(list->GetItemCount(), text(tiller::util::localDateTime(c.startedAt)));
            list->SetItem(row, 1, c.direction == tel::Direction::incoming ? tr("In") : tr("Out"));
            list->SetItem(row, 2, text(c.remoteNumber));
            list->SetItem(row, 3, text(c.agentName));
            list->SetItem(row, 4, text(clockText(c.ringMs)));
            list->SetItem(row, 5, text(clockText(c.talkMs)));
            list->SetItem(row, 6, resultText(c.result));
            list->SetItem(row, 7, c.recording.empty() ? wxString() : tr("Yes"));
        }
        auto* bar = new wxBoxSizer(wxHORIZONTAL);
        auto* play = new wxButton(this, wxID_ANY, tr("Play recording"));
        play->SetName("play");
        play->Disable();
        auto* stop = new wxButton(this, wxID_ANY, tr("Stop"));
        bar->Add(play, 0, wxRIGHT, FromDIP(6));
        bar->Add(stop, 0, wxRIGHT, FromDIP(12));
        bar->Add(new wxStaticText(this, wxID_ANY, tr("{1} calls", {std::to_string(calls_.size())})), 0, wxALIGN_CENTER_VERTICAL);
        sizer->Add(bar, 0, wxALL, FromDIP(6));
        sizer->Add(list, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6));
        if (calls_.empty()) sizer->Add(new wxStaticText(this, wxID_ANY, tr("No calls with this customer yet")), 0, wxALL, FromDIP(6));
        SetSizer(sizer);
        list->Bind(wxEVT_LIST_ITEM_SELECTED, [this, play](wxListEvent& e) {
            selected_ = e.GetIndex();
            play->Enable(!calls_[static_cast<std::size_t>(selected_)].recording.empty());
        });
        play->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
            try {
                auto* sip = service_->phone() ? dynamic_cast<SipProvider*>(&service_->phone()->provider()) : nullptr;
                if (!sip) throw tel::Refused(dialer::tr("The phone is not running: recordings play through it"));
                sip->play(calls_.at(static_cast<std::size_t>(selected_)).recording);
            } catch (const std::exception& e) {
                wxMessageBox(text(e.what()), tr("Phone"), wxOK | wxICON_WARNING, this);
            }
        });
        stop->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
            if (auto* sip = service_->phone() ? dynamic_cast<SipProvider*>(&service_->phone()->provider()) : nullptr) sip->stopPlaying();
        });
    }

private:
    std::shared_ptr<PhoneService> service_;
    std::vector<LoggedCall> calls_;
    long selected_ = -1;
};

}  // namespace

wxWindow* makeCallsPanel(wxWindow* parent, tiller::plugin::Host& host, long long customerId, std::shared_ptr<PhoneService> service) {
    return new CallsPanel(parent, host, customerId, std::move(service));
}

}  // namespace dialer::ui
