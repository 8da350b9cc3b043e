#include "pool_settings_page.hpp"
#include "core/pool_contributions.hpp"
#include "core/pool_recall.hpp"

#include <tiller/i18n/catalogs.hpp>
#include <tiller/ui/text.hpp>

#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>

namespace contacts {
namespace {

wxString tr(const char* english) { return tiller::ui::text(tiller::i18n::tr(english, "tiller-contacts")); }

class PoolSettingsPage : public tiller::ui::SettingsPanel {
public:
    PoolSettingsPage(wxWindow* parent, tiller::plugin::Host& host) : SettingsPanel(parent), host_(host) {
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(new wxStaticText(this, wxID_ANY, tr("Customers and leads nobody follows up go back to the public pool.")), 0,
                   wxBOTTOM, FromDIP(10));
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        days_ = new wxSpinCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 0,
                               PoolRecall::kMaxDays, PoolRecall(host_, clock_).days());
        days_->SetName("recall_days");
        row->Add(new wxStaticText(this, wxID_ANY, tr("Return to the pool after")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
        row->Add(days_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
        row->Add(new wxStaticText(this, wxID_ANY, tr("days without follow-up")), 0, wxALIGN_CENTER_VERTICAL);
        sizer->Add(row, 0, wxBOTTOM, FromDIP(10));
        sizer->Add(new wxStaticText(this, wxID_ANY, tr("0 = never.")), 0, wxBOTTOM, FromDIP(4));
        sizer->Add(new wxStaticText(this, wxID_ANY, tr("Successful and frozen customers stay with their owners.")), 0);
        sizer->Add(new wxStaticText(this, wxID_ANY, tr("So do converted and discarded leads.")), 0, wxBOTTOM, FromDIP(4));
        sizer->Add(new wxStaticText(this, wxID_ANY, tr("Tiller checks once an hour; former owners get a message.")), 0);
        auto* outer = new wxBoxSizer(wxVERTICAL);
        outer->Add(sizer, 1, wxEXPAND | wxALL, FromDIP(12));
        SetSizer(outer);
    }

    void save() override {
        PoolRecall recall(host_, clock_);
        if (days_->GetValue() != recall.days()) recall.setDays(days_->GetValue());
    }

private:
    tiller::plugin::Host& host_;
    tiller::SystemClock clock_;
    wxSpinCtrl* days_;
};

}  // namespace

void contributePoolUi(tiller::ui::UiRegistry& widgets) {
    widgets.addSettingsPage(kPoolSettingsPage, [](wxWindow* parent, tiller::plugin::Host& host) -> tiller::ui::SettingsPanel* {
        return new PoolSettingsPage(parent, host);
    });
}

}  // namespace contacts
