#include "screen_pop.hpp"
#include "dialer_ui_text.hpp"

#include <tiller/i18n/catalogs.hpp>
#include <tiller/ui/record_navigator.hpp>
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

wxStaticText* label(wxWindow* parent, const wxString& t, int points = 0, bool bold = false) {
    auto* l = new wxStaticText(parent, wxID_ANY, t);
    if (points || bold) {
        wxFont f = l->GetFont();
        if (points) f.SetPointSize(f.GetPointSize() + points);
        if (bold) f.MakeBold();
        l->SetFont(f);
    }
    return l;
}

}  // namespace

wxString resultText(tel::CallResult result) {
    switch (result) {
        case tel::CallResult::answered: return tr("Answered");
        case tel::CallResult::missed: return tr("Missed");
        case tel::CallResult::rejected: return tr("Rejected");
        case tel::CallResult::busy: return tr("Busy");
        case tel::CallResult::noAnswer: return tr("No answer");
        case tel::CallResult::cancelled: return tr("Cancelled");
        case tel::CallResult::failed: return tr("Failed");
        case tel::CallResult::transferred: return tr("Transferred");
    }
    return {};
}

ScreenPop::ScreenPop(wxWindow* parent, tiller::plugin::Host& host, Phone& phone, const ActiveCall& call)
    : wxDialog(parent, wxID_ANY, tr("Incoming call"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxSTAY_ON_TOP, "screen_pop"),
      host_(host),
      phone_(phone),
      callId_(call.id),
      caller_(call.caller) {
    const auto& c = caller_;
    auto* sizer = new wxBoxSizer(wxVERTICAL);

    // The header: who is calling, large, on a coloured band.
    auto* band = new wxPanel(this);
    band->SetBackgroundColour(c.known ? wxColour(225, 240, 255) : wxColour(255, 244, 225));
    auto* head = new wxBoxSizer(wxVERTICAL);
    std::string number = c.anonymous ? dialer::tr("a withheld number") : (c.number.empty() ? call.remoteNumber : c.number);
    if (c.known) {
        head->Add(label(band, text(c.name), 6, true), 0, wxBOTTOM, FromDIP(4));
        if (!c.contactName.empty()) head->Add(label(band, tr("Contact: {1}", {c.contactName}), 1), 0, wxBOTTOM, FromDIP(2));
    } else {
        head->Add(label(band, c.anonymous ? tr("Number withheld") : tr("Unknown caller"), 6, true), 0, wxBOTTOM, FromDIP(4));
    }
    wxString line = text(number);
    if (!c.region.empty()) line += "    " + tr("From: {1}", {c.region});
    head->Add(label(band, line, 2), 0);
    if (!call.remoteName.empty() && call.remoteName != c.name)
        head->Add(label(band, tr("Caller ID name: {1}", {call.remoteName})), 0, wxTOP, FromDIP(2));
    if (!c.valid && !c.anonymous && !c.number.empty())
        head->Add(label(band, tr("Not a valid phone number: shown as the network gave it")), 0, wxTOP, FromDIP(2));
    head->SetMinSize(FromDIP(wxSize(420, -1)));
    auto* padded = new wxBoxSizer(wxVERTICAL);
    padded->Add(head, 0, wxALL, FromDIP(12));
    band->SetSizer(padded);
    sizer->Add(band, 0, wxEXPAND);

    auto* body = new wxBoxSizer(wxVERTICAL);
    if (c.known) {
        body->Add(label(this, c.ownerName.empty() ? tr("Account manager: none (public pool)")
                                                   : tr("Account manager: {1}", {c.ownerName})),
                  0, wxBOTTOM, FromDIP(4));
        if (c.otherMatches > 0)
            body->Add(label(this, tr("{1} other records have this number", {std::to_string(c.otherMatches)})), 0, wxBOTTOM,
                      FromDIP(4));
        // The last calls with this customer (SPEC §7.2 "last contacts").
        auto calls = CallLog(host_.database()).ofRecord(c.entity, c.recordId, 5);
        body->Add(label(this, tr("Last calls"), 0, true), 0, wxTOP | wxBOTTOM, FromDIP(4));
        if (calls.empty()) {
            body->Add(label(this, tr("No calls yet")), 0, wxBOTTOM, FromDIP(4));
        } else {
            auto* list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(420, 24 + 20 * static_cast<int>(calls.size()))),
                                        wxLC_REPORT | wxLC_SINGLE_SEL);
            list->SetName("last_calls");
            list->AppendColumn(tr("Time"), wxLIST_FORMAT_LEFT, FromDIP(130));
            list->AppendColumn(tr("Direction"), wxLIST_FORMAT_LEFT, FromDIP(70));
            list->AppendColumn(tr("Agent"), wxLIST_FORMAT_LEFT, FromDIP(80));
            list->AppendColumn(tr("Result"), wxLIST_FORMAT_LEFT, FromDIP(70));
            list->AppendColumn(tr("Talk"), wxLIST_FORMAT_RIGHT, FromDIP(60));
            for (const auto& logged : calls) {
                long row = list->InsertItem(list->GetItemCount(), text(tiller::util::localDateTime(logged.startedAt)));
                list->SetItem(row, 1, logged.direction == tel::Direction::incoming ? tr("In") : tr("Out"));
                list->SetItem(row, 2, text(logged.agentName));
                list->SetItem(row, 3, resultText(logged.result));
                list->SetItem(row, 4, text(clockText(logged.talkMs)));
            }
            body->Add(list, 0, wxEXPAND | wxBOTTOM, FromDIP(4));
        }
        addSections(body, c);
    }
    sizer->Add(body, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(12));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* answer = new wxButton(this, wxID_ANY, tr("Answer"));
    answer->SetName("answer");
    answer->SetBackgroundColour(wxColour(200, 240, 200));
    answer->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        try {
            phone_.answer(callId_);
        } catch (const std::exception& e) {
            wxMessageBox(text(e.what()), tr("Phone"), wxOK | wxICON_WARNING, this);
        }
    });
    auto* reject = new wxButton(this, wxID_ANY, tr("Reject"));
    reject->SetName("reject");
    reject->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        try {
            phone_.provider().reject(callId_, false);
        } catch (const std::exception&) {  // the caller hung up meanwhile
        }
    });
    answer_ = answer;
    reject_ = reject;
    buttons->Add(answer, 0, wxRIGHT, FromDIP(6));
    buttons->Add(reject, 0, wxRIGHT, FromDIP(18));
    auto open = [this](const std::string& entity, long long id) {
        if (auto* navigator = tiller::ui::recordNavigator()) navigator->openRecord(GetParent(), entity, id);
    };
    if (c.known) {
        auto* customer = new wxButton(this, wxID_ANY, tr("Open customer"));
        customer->SetName("open_record");
        customer->Bind(wxEVT_BUTTON, [this, open](wxCommandEvent&) { open(caller_.entity, caller_.recordId); });
        buttons->Add(customer, 0, wxRIGHT, FromDIP(6));
    } else if (host_.registry().entity("contacts.customer")) {
        auto* add = new wxButton(this, wxID_ANY, tr("New customer"));
        add->SetName("new_customer");
        add->Bind(wxEVT_BUTTON, [this, open](wxCommandEvent&) {
            auto* navigator = tiller::ui::recordNavigator();
            if (!navigator) return;
            std::string typed = caller_.valid ? caller_.number : caller_.typed;
            long long id = navigator->createRecord(this, "contacts.customer", "", {{caller_.mobile ? "mobile" : "phone", typed}});
            if (id) open("contacts.customer", id);
        });
        buttons->Add(add, 0, wxRIGHT, FromDIP(6));
    }
    // A ticket or an order for this caller, when those plugins are installed.
    for (auto [entity, caption] : {std::pair{"tickets.ticket", N_("New ticket")}, std::pair{"orders.order", N_("New order")}}) {
        if (!host_.registry().entity(entity)) continue;
        auto* make = new wxButton(this, wxID_ANY, tr(caption));
        make->Bind(wxEVT_BUTTON, [this, entity = std::string(entity)](wxCommandEvent&) {
            if (auto* navigator = tiller::ui::recordNavigator())
                navigator->createRecord(this, entity, "", caller_.known ? tiller::record::Input{{"customer_id", std::to_string(caller_.recordId)}}
                                                                       : tiller::record::Input{});
        });
        buttons->Add(make, 0, wxRIGHT, FromDIP(6));
    }
    sizer->Add(buttons, 0, wxALL, FromDIP(12));
    state_ = label(this, tr("Ringing..."));
    state_->SetName("call_state");
    sizer->Add(state_, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12));
    SetSizerAndFit(sizer);
    // Top right of the main window, where it covers the least of the agent's work.
    if (parent) {
        wxRect area = parent->GetScreenRect();
        SetPosition(wxPoint(area.GetRight() - GetSize().x - FromDIP(16), area.GetTop() + FromDIP(90)));
    }
}

void ScreenPop::addSections(wxSizer* sizer, const tel::Caller& caller) {
    for (const auto* section : host_.registry().screenPopSections()) {
        sizer->Add(label(this, tiller::ui::text(tiller::i18n::tr(section->label)), 0, true), 0, wxTOP | wxBOTTOM, FromDIP(4));
        try {
            auto lines = section->lines(host_, caller);
            if (lines.empty()) sizer->Add(label(this, tr("None")), 0, wxBOTTOM, FromDIP(2));
            for (const auto& l : lines) sizer->Add(label(this, text(l)), 0, wxBOTTOM, FromDIP(2));
        } catch (const std::exception& e) {
            // A failing plugin spoils its own section only.
            auto* error = label(this, tr("This section could not be shown: {1}", {e.what()}));
            error->SetForegroundColour(wxColour(192, 0, 0));
            sizer->Add(error, 0, wxBOTTOM, FromDIP(2));
        }
    }
}

void ScreenPop::answered() {
    answer_->Hide();
    reject_->Hide();
    static_cast<wxStaticText*>(state_)->SetLabel(tr("Talking"));
    Layout();
}

void ScreenPop::ended(tel::CallResult result) {
    answer_->Hide();
    reject_->Hide();
    static_cast<wxStaticText*>(state_)->SetLabel(tr("Call over: {1}", {tiller::ui::utf8(resultText(result))}));
    Layout();
}

}  // namespace dialer::ui
