#include "value_settings_pages.hpp"
#include "value_ui_text.hpp"
#include "core/birthday_reminders.hpp"
#include "core/holiday_reminders.hpp"
#include "core/credit_limits.hpp"
#include "core/customer_money.hpp"
#include "core/value_assessment.hpp"
#include "core/vip_tiers.hpp"

#include <tiller/errors.hpp>

#include <algorithm>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/grid.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace contacts {
namespace {

using tiller::ui::text;
using tiller::ui::utf8;
using value_ui::tr;

// A grid whose rows the person adds and removes, with the saved id and version of each row.
class EditableGrid {
public:
    EditableGrid(wxWindow* parent, std::initializer_list<std::pair<const char*, int>> columns) {
        grid = new wxGrid(parent, wxID_ANY, wxDefaultPosition, parent->FromDIP(wxSize(440, 180)));
        grid->CreateGrid(0, static_cast<int>(columns.size()));
        grid->HideRowLabels();
        int c = 0;
        for (const auto& [label, width] : columns) {
            grid->SetColLabelValue(c, tr(label));
            grid->SetColSize(c++, parent->FromDIP(width));
        }
    }
    void addRow(long long id, int version) {
        grid->AppendRows(1);
        keys.emplace_back(id, version);
    }
    void removeSelected() {
        auto rows = grid->GetSelectedRows();
        int row = !rows.empty() ? rows[0] : grid->GetGridCursorRow();
        if (row < 0 || row >= grid->GetNumberRows()) return;
        grid->DeleteRows(row, 1);
        keys.erase(keys.begin() + row);
    }
    wxString cell(int row, int col) const { return grid->GetCellValue(row, col).Strip(wxString::both); }

    wxGrid* grid;
    std::vector<std::pair<long long, int>> keys;  // id (0: new), version
};

wxBoxSizer* addRemoveButtons(wxWindow* parent, EditableGrid& grid, const char* addLabel, std::function<void()> added) {
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto* add = new wxButton(parent, wxID_ANY, tr(addLabel));
    auto* remove = new wxButton(parent, wxID_ANY, tr("Remove"));
    row->Add(add, 0, wxRIGHT, parent->FromDIP(6));
    row->Add(remove);
    add->Bind(wxEVT_BUTTON, [&grid, added](wxCommandEvent&) {
        grid.addRow(0, 0);
        if (added) added();
    });
    remove->Bind(wxEVT_BUTTON, [&grid, added](wxCommandEvent&) {
        grid.removeSelected();
        if (added) added();
    });
    return row;
}

// The Settings dialog leaves a page about 450 pixels: texts wrap to fit it.
constexpr int kPageWidth = 430;

// `text` broken into lines no wider than `width` pixels. wxStaticText::Wrap breaks at spaces
// only, and Chinese has none: here a Chinese character (or punctuation) may end a line anywhere,
// a run of Latin letters only at a space.
wxString wrapped(wxWindow* window, const wxString& text, int width) {
    std::vector<wxString> pieces;  // a Chinese character, or a word, each with the spaces after it
    auto isCjk = [](wxUniChar c) { return c.GetValue() >= 0x2E80; };
    for (wxUniChar c : text) {
        if (c == ' ' && !pieces.empty()) {
            pieces.back() += c;
            continue;
        }
        if (pieces.empty() || isCjk(c) || pieces.back().Last() == ' ' || isCjk(pieces.back().Last())) pieces.emplace_back();
        pieces.back() += c;
    }
    wxString out, line;
    for (const auto& piece : pieces) {
        if (!line.empty() && window->GetTextExtent(line + piece).GetWidth() > width) {
            out += line.Strip(wxString::trailing) + "\n";
            line.clear();
        }
        line += piece;
    }
    return out + line;
}

wxStaticText* explanation(wxWindow* parent, const char* english, int width = kPageWidth) {
    auto* label = new wxStaticText(parent, wxID_ANY, "");
    label->SetLabel(wrapped(label, tr(english), parent->FromDIP(width)));
    return label;
}

// Assessment items (评估项目) with their weights and standards (评估标准).
class ValueItemsPage : public tiller::ui::SettingsPanel {
public:
    ValueItemsPage(wxWindow* parent, tiller::plugin::Host& host)
        : SettingsPanel(parent), host_(host), grid_(this, {{N_("Item"), 120}, {N_("Weight"), 60}, {N_("Standard"), 240}}) {
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(explanation(this, N_("Users score each customer 0-100 on these items; the customer's value is the "
                                        "weighted sum. The weights must add up to 100: more is refused, less is saved "
                                        "with a warning.")),
                   0, wxALL, FromDIP(8));
        for (const auto& item : ValueAssessment(host_, clock_).items()) {
            grid_.addRow(item.id, item.version);
            int r = grid_.grid->GetNumberRows() - 1;
            grid_.grid->SetCellValue(r, 0, text(item.name));
            grid_.grid->SetCellValue(r, 1, wxString::Format("%d", item.weight));
            grid_.grid->SetCellValue(r, 2, text(item.standard));
        }
        sizer->Add(grid_.grid, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
        total_ = new wxStaticText(this, wxID_ANY, "");
        sizer->Add(addRemoveButtons(this, grid_, N_("Add item"), [this] { showTotal(); }), 0, wxALL, FromDIP(8));
        sizer->Add(total_, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
        SetSizer(sizer);
        grid_.grid->Bind(wxEVT_GRID_CELL_CHANGED, [this](wxGridEvent& e) {
            showTotal();
            e.Skip();
        });
        showTotal();
    }

    void save() override {
        grid_.grid->SaveEditControlValue();
        std::vector<AssessmentItem> items;
        for (int r = 0; r < grid_.grid->GetNumberRows(); ++r) {
            AssessmentItem item;
            item.id = grid_.keys[static_cast<std::size_t>(r)].first;
            item.version = grid_.keys[static_cast<std::size_t>(r)].second;
            item.name = utf8(grid_.cell(r, 0));
            item.weight = weightAt(r);
            item.standard = utf8(grid_.cell(r, 2));
            items.push_back(item);
        }
        auto saved = ValueAssessment(host_, clock_).saveItems(items);
        if (!saved.warning.empty()) host_.notify(tiller::i18n::tr("Assessment items saved", "tiller-contacts") + ": " + saved.warning);
    }

private:
    int weightAt(int row) const {
        long weight = 0;
        wxString typed = grid_.cell(row, 1);
        if (typed.empty()) return 0;
        if (!typed.ToLong(&weight))
            throw tiller::ValidationError("weight", utf8(grid_.cell(row, 0)) + ": " +
                                                        tiller::i18n::tr("the weight must be between 0 and 100", "tiller-contacts"));
        return static_cast<int>(weight);
    }
    void showTotal() {
        int total = 0;
        for (int r = 0; r < grid_.grid->GetNumberRows(); ++r) {
            long weight = 0;
            if (grid_.cell(r, 1).ToLong(&weight)) total += static_cast<int>(weight);
        }
        std::string message = ValueAssessment::weightMessage(total);
        total_->SetLabel(wrapped(total_, wxString::Format(tr("Total weight: %d"), total) +
                                             (message.empty() ? wxString() : "  (" + text(message) + ")"),
                                 FromDIP(kPageWidth)));
        total_->SetForegroundColour(message.empty() ? GetForegroundColour() : wxColour(200, 0, 0));
        Layout();
    }

    tiller::plugin::Host& host_;
    tiller::SystemClock clock_;
    EditableGrid grid_;
    wxStaticText* total_;
};

// VIP tiers, lowest first.
class VipTiersPage : public tiller::ui::SettingsPanel {
public:
    VipTiersPage(wxWindow* parent, tiller::plugin::Host& host)
        : SettingsPanel(parent),
          host_(host),
          grid_(this, {{N_("Tier"), 80}, {N_("One purchase"), 110}, {N_("Cumulative"), 105}, {N_("Yearly minimum"), 125}}) {
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(explanation(this, N_("Lowest tier first. A customer reaches a tier by one purchase of the single "
                                        "purchase amount or by spending the cumulative amount, and keeps it while it "
                                        "spends the yearly minimum each year. Amounts in yuan; leave a cell empty when "
                                        "it does not apply.")),
                   0, wxALL, FromDIP(8));
        for (const auto& tier : VipProgram(host_, clock_).tiers()) {
            grid_.addRow(tier.id, tier.version);
            int r = grid_.grid->GetNumberRows() - 1;
            grid_.grid->SetCellValue(r, 0, text(tier.name));
            int c = 1;
            for (const auto& amount : {tier.singlePurchase, tier.cumulative, tier.yearlyMinimum})
                grid_.grid->SetCellValue(r, c++, amount ? text(formatAmount(*amount)) : wxString());
        }
        sizer->Add(grid_.grid, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
        sizer->Add(addRemoveButtons(this, grid_, N_("Add tier"), nullptr), 0, wxALL, FromDIP(8));
        auto money = host_.service<CustomerMoney>();
        if (!money || !money->hasPurchaseSources())
            sizer->Add(explanation(this, N_("No installed plugin reports purchases yet, so no customer reaches a tier.")),
                       0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
        SetSizer(sizer);
    }

    void save() override {
        grid_.grid->SaveEditControlValue();
        std::vector<VipTier> tiers;
        for (int r = 0; r < grid_.grid->GetNumberRows(); ++r) {
            VipTier tier;
            tier.id = grid_.keys[static_cast<std::size_t>(r)].first;
            tier.version = grid_.keys[static_cast<std::size_t>(r)].second;
            tier.name = utf8(grid_.cell(r, 0));
            std::string where = tier.name.empty() ? std::to_string(r + 1) : tier.name;
            tier.singlePurchase = parseAmount(utf8(grid_.cell(r, 1)), where);
            tier.cumulative = parseAmount(utf8(grid_.cell(r, 2)), where);
            tier.yearlyMinimum = parseAmount(utf8(grid_.cell(r, 3)), where);
            tiers.push_back(tier);
        }
        VipProgram(host_, clock_).saveTiers(tiers);
    }

private:
    tiller::plugin::Host& host_;
    tiller::SystemClock clock_;
    EditableGrid grid_;
};

// The credit period and default limit, and how early birthdays are reminded.
class CreditPage : public tiller::ui::SettingsPanel {
public:
    CreditPage(wxWindow* parent, tiller::plugin::Host& host) : SettingsPanel(parent), host_(host) {
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        auto policy = CreditLimits(host_, clock_).policy();
        auto* credit = new wxStaticBoxSizer(wxVERTICAL, this, tr("Credit limit"));
        auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(10, 8)));
        grid->Add(new wxStaticText(credit->GetStaticBox(), wxID_ANY, tr("Credit period")), 0, wxALIGN_CENTER_VERTICAL);
        period_ = new wxChoice(credit->GetStaticBox(), wxID_ANY);
        for (const char* p : {N_("Month"), N_("Quarter"), N_("Year")}) period_->Append(tr(p));
        period_->SetSelection(static_cast<int>(policy.period));
        grid->Add(period_);
        grid->Add(new wxStaticText(credit->GetStaticBox(), wxID_ANY, tr("Default credit limit (yuan)")), 0,
                  wxALIGN_CENTER_VERTICAL);
        limit_ = new wxTextCtrl(credit->GetStaticBox(), wxID_ANY,
                                policy.defaultLimit ? text(formatAmount(*policy.defaultLimit)) : wxString(),
                                wxDefaultPosition, FromDIP(wxSize(160, -1)));
        grid->Add(limit_);
        credit->Add(grid, 0, wxALL, FromDIP(8));
        credit->Add(explanation(credit->GetStaticBox(),
                                N_("A customer's own credit limit, on its card, overrides the default; leave the "
                                   "default empty for no limit. A customer whose contracts and orders in the period "
                                   "exceed its limit is shown red to its account manager."),
                                kPageWidth - 20),
                    0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
        auto money = host_.service<CustomerMoney>();
        if (!money || !money->hasExposureSources())
            credit->Add(explanation(credit->GetStaticBox(), N_("No installed plugin reports contracts or orders yet, so "
                                                               "no customer is over its limit."),
                                    kPageWidth - 20),
                        0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
        sizer->Add(credit, 0, wxEXPAND | wxALL, FromDIP(8));

        // Both reminders go to the account manager's message box, so they share one box here.
        auto* reminders = new wxStaticBoxSizer(wxVERTICAL, this, tr("Birthday and holiday reminders"));
        auto* days = new wxFlexGridSizer(3, FromDIP(wxSize(8, 6)));
        auto leadRow = [&](int value, const char* after) {
            days->Add(new wxStaticText(reminders->GetStaticBox(), wxID_ANY, tr("Remind the owner")), 0, wxALIGN_CENTER_VERTICAL);
            auto* spin = new wxSpinCtrl(reminders->GetStaticBox(), wxID_ANY, "", wxDefaultPosition, FromDIP(wxSize(120, -1)),
                                        wxSP_ARROW_KEYS, 0, kMaxLeadDays, value);
            days->Add(spin, 0, wxALIGN_CENTER_VERTICAL);
            days->Add(new wxStaticText(reminders->GetStaticBox(), wxID_ANY, tr(after)), 0, wxALIGN_CENTER_VERTICAL);
            return spin;
        };
        lead_ = leadRow(BirthdayReminders(host_, clock_).leadDays(), N_("days before a birthday"));
        holidayLead_ = leadRow(HolidayReminders(host_, clock_).leadDays(), N_("days before a holiday, for each VIP customer"));
        reminders->Add(days, 0, wxALL, FromDIP(8));
        reminders->Add(explanation(reminders->GetStaticBox(),
                                   N_("The holidays are those of the working calendar, set with: tiller-cli calendar holiday add 2026-10-01"),
                                   kPageWidth - 20),
                       0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
        sizer->Add(reminders, 0, wxEXPAND | wxALL, FromDIP(8));
        SetSizer(sizer);
    }

    void save() override {
        CreditPolicy policy;
        policy.period = static_cast<CreditPeriod>(std::max(0, period_->GetSelection()));
        policy.defaultLimit = parseAmount(utf8(limit_->GetValue()), tiller::i18n::tr("Default credit limit (yuan)", "tiller-contacts"));
        CreditLimits(host_, clock_).setPolicy(policy);
        BirthdayReminders(host_, clock_).setLeadDays(lead_->GetValue());
        HolidayReminders(host_, clock_).setLeadDays(holidayLead_->GetValue());
    }

private:
    tiller::plugin::Host& host_;
    tiller::SystemClock clock_;
    wxChoice* period_;
    wxTextCtrl* limit_;
    wxSpinCtrl* lead_;
    wxSpinCtrl* holidayLead_;
};

}  // namespace

tiller::ui::SettingsPanel* makeValueItemsPage(wxWindow* parent, tiller::plugin::Host& host) {
    return new ValueItemsPage(parent, host);
}
tiller::ui::SettingsPanel* makeVipTiersPage(wxWindow* parent, tiller::plugin::Host& host) {
    return new VipTiersPage(parent, host);
}
tiller::ui::SettingsPanel* makeCreditPage(wxWindow* parent, tiller::plugin::Host& host) { return new CreditPage(parent, host); }

}  // namespace contacts
