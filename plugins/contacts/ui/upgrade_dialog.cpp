// Customers > Request status upgrade...: the customer's place on the ladder, the rung it can ask
// for next (SPEC §2.3: one at a time, through the approval flow of its type), and what became
// of its earlier requests.
#include "customer_dialog.hpp"
#include "value_ui.hpp"
#include "value_ui_text.hpp"
#include "core/status_upgrades.hpp"

#include <tiller/errors.hpp>
#include <tiller/record/store.hpp>
#include <tiller/ui/error_dialog.hpp>
#include <tiller/util/time_text.hpp>

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace contacts {
namespace {

using value_ui::statusText;
using value_ui::tr;
using tiller::ui::text;

class UpgradeDialog : public CustomerDialog {
public:
    UpgradeDialog(wxWindow* parent, tiller::plugin::Host& host, long long customerId)
        : CustomerDialog(parent, host, tr("Request status upgrade")) {
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(10, 8)));
        grid->AddGrowableCol(1);
        auto row = [&](const char* label, wxWindow* value) {
            grid->Add(new wxStaticText(this, wxID_ANY, tr(label)), 0, wxALIGN_CENTER_VERTICAL);
            grid->Add(value, 1, wxEXPAND);
        };
        row(N_("Customer"), makePicker());
        ladder_ = new wxStaticText(this, wxID_ANY, "");
        row(N_("Status ladder"), ladder_);
        current_ = new wxStaticText(this, wxID_ANY, "");
        row(N_("Current status"), current_);
        next_ = new wxStaticText(this, wxID_ANY, "");
        row(N_("Upgrade to"), next_);
        flow_ = new wxStaticText(this, wxID_ANY, "");
        row(N_("Approval flow"), flow_);
        sizer->Add(grid, 0, wxEXPAND | wxALL, FromDIP(12));
        sizer->Add(new wxStaticText(this, wxID_ANY, tr("Customers go up one status at a time; each upgrade is approved "
                                                       "through the flow of the customer's type.")),
                   0, wxLEFT | wxRIGHT, FromDIP(12));
        sizer->Add(new wxStaticText(this, wxID_ANY, tr("Earlier requests")), 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(12));
        requests_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(560, 140)), wxLC_REPORT | wxLC_SINGLE_SEL);
        for (auto [label, width] : {std::pair{N_("Requested"), 130}, {N_("From"), 80}, {N_("To"), 80}, {N_("Outcome"), 90},
                                    {N_("Note"), 180}})
            requests_->AppendColumn(tr(label), wxLIST_FORMAT_LEFT, FromDIP(width));
        sizer->Add(requests_, 1, wxEXPAND | wxALL, FromDIP(12));
        sent_ = new wxStaticText(this, wxID_ANY, "");
        finish(sizer, sent_, tr("Send for approval"), [this] { send(); }, customerId);
    }

private:
    void load() override {
        problem_->SetLabel("");
        sent_->SetLabel("");
        requests_->DeleteAllItems();
        wxString ladder;
        std::optional<LadderPlace> place;
        flow_->SetLabel("");
        if (long long id = customer()) {
            try {
                StatusUpgrades upgrades(host_, clock_);
                place = upgrades.place(id);
                const auto* flow = host_.registry().flow(place->flowId);
                flow_->SetLabel(flow ? text(tiller::i18n::tr(flow->name, host_.registry().flowDomain(place->flowId)))
                                     : text(place->flowId));
                long row = 0;
                for (const auto& r : upgrades.requests(id)) {
                    long at = requests_->InsertItem(row++, text(tiller::util::localDateTime(r.requestedAt)));
                    requests_->SetItem(at, 1, statusText(r.fromStatus));
                    requests_->SetItem(at, 2, statusText(r.toStatus));
                    requests_->SetItem(at, 3, tr(outcomeLabel(r.state)));
                    requests_->SetItem(at, 4, text(r.note));
                }
            } catch (const std::exception& e) {
                problem_->SetLabel(text(e.what()));
            }
        }
        std::optional<Status> status;
        if (place) status = place->status;
        for (Status s : statusLadder()) {
            wxString name = statusText(statusCode(s));
            if (status && *status == s) name = "[" + name + "]";
            ladder += (ladder.empty() ? "" : wxString::FromUTF8(" → ")) + name;
        }
        ladder_->SetLabel(ladder);
        current_->SetLabel(place ? statusText(statusCode(place->status)) + (place->frozen ? " (" + tr("frozen") + ")" : wxString())
                                 : wxString());
        if (!place)
            next_->SetLabel("");
        else if (place->waiting)
            next_->SetLabel(statusText(statusCode(*place->waiting)) + " (" + tr("waiting for approval") + ")");
        else
            next_->SetLabel(place->next ? statusText(statusCode(*place->next)) : tr("none: the top of the ladder"));
        action_->Enable(place && place->next && !place->frozen && !place->waiting);
        Layout();
    }

    static const char* outcomeLabel(const std::string& state) {
        if (state == "pending") return N_("waiting");
        if (state == "applied") return N_("applied");
        if (state == "rejected") return N_("rejected");
        if (state == "returned") return N_("returned");
        if (state == "abnormal") return N_("abnormal");
        return N_("void");
    }

    void send() {
        try {
            StatusUpgrades(host_, clock_).requestNext(customer());
            load();
            sent_->SetLabel(tr("Sent: the approver finds it under My work > My approvals."));
        } catch (const tiller::ValidationError& e) {
            problem_->SetLabel(text(e.reason()));
        } catch (const std::exception& e) {
            tiller::ui::showError(this, tr("The upgrade could not be requested"), e);
        }
    }

    wxStaticText *ladder_, *current_, *next_, *flow_, *sent_;
    wxListCtrl* requests_;
};

}  // namespace

void showUpgradeDialog(wxWindow* parent, tiller::plugin::Host& host, long long customerId) {
    UpgradeDialog dialog(parent, host, customerId);
    dialog.ShowModal();
}

}  // namespace contacts
