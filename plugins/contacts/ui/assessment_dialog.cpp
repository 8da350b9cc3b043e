// Customers > Assess customer value...: a customer's score (0-100) on each assessment item, with
// its weight and standard beside it, and the value they add up to (SPEC §2.5).
#include "customer_dialog.hpp"
#include "value_ui.hpp"
#include "value_ui_text.hpp"
#include "core/value_assessment.hpp"

#include <tiller/errors.hpp>
#include <tiller/record/store.hpp>
#include <tiller/ui/error_dialog.hpp>

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/grid.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace contacts {
namespace {

using tiller::ui::text;
using value_ui::tr;

enum Column { kItem, kWeight, kStandard, kScore };

class AssessmentDialog : public CustomerDialog {
public:
    AssessmentDialog(wxWindow* parent, tiller::plugin::Host& host, long long customerId)
        : CustomerDialog(parent, host, tr("Assess customer value")) {
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        row->Add(new wxStaticText(this, wxID_ANY, tr("Customer")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
        row->Add(makePicker(), 1, wxEXPAND);
        sizer->Add(row, 0, wxEXPAND | wxALL, FromDIP(12));
        sizer->Add(new wxStaticText(this, wxID_ANY, tr("Score each item from 0 to 100 by its standard; the value is the "
                                                       "weighted sum.")),
                   0, wxLEFT | wxRIGHT, FromDIP(12));
        grid_ = new wxGrid(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(620, 220)));
        grid_->CreateGrid(0, 4);
        grid_->HideRowLabels();
        int widths[] = {150, 60, 300, 70};
        const char* labels[] = {N_("Item"), N_("Weight"), N_("Standard"), N_("Score")};
        for (int c = 0; c < 4; ++c) {
            grid_->SetColLabelValue(c, tr(labels[c]));
            grid_->SetColSize(c, FromDIP(widths[c]));
        }
        sizer->Add(grid_, 1, wxEXPAND | wxALL, FromDIP(12));
        value_ = new wxStaticText(this, wxID_ANY, "");
        sizer->Add(value_, 0, wxLEFT | wxRIGHT, FromDIP(12));
        finish(sizer, nullptr, tr("Save scores"), [this] { save(); }, customerId);
    }

private:
    void load() override {
        problem_->SetLabel("");
        if (grid_->GetNumberRows() > 0) grid_->DeleteRows(0, grid_->GetNumberRows());
        items_.clear();
        try {
            ValueAssessment assessment(host_, clock_);
            std::vector<ItemScore> rows;
            std::optional<double> value;
            int total = 0;
            if (long long id = customer()) {
                auto v = assessment.value(id);
                rows = v.items;
                value = v.value;
                total = v.totalWeight;
            } else {
                for (auto& item : assessment.items()) {
                    total += item.weight;
                    rows.push_back({item, std::nullopt});
                }
            }
            grid_->AppendRows(static_cast<int>(rows.size()));
            for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
                const auto& s = rows[static_cast<std::size_t>(r)];
                items_.push_back(s.item.id);
                grid_->SetCellValue(r, kItem, text(s.item.name));
                grid_->SetCellValue(r, kWeight, wxString::Format("%d", s.item.weight));
                grid_->SetCellValue(r, kStandard, text(s.item.standard));
                grid_->SetCellValue(r, kScore, s.score ? wxString::Format("%d", *s.score) : wxString());
                for (int c : {kItem, kWeight, kStandard}) grid_->SetReadOnly(r, c);
                grid_->SetReadOnly(r, kScore, customer() == 0);
                grid_->SetCellEditor(r, kScore, new wxGridCellNumberEditor(0, 100));
            }
            wxString shown = value ? wxString::Format(tr("Value: %.1f of 100"), *value) : tr("Value: not assessed yet");
            std::string warning = ValueAssessment::weightMessage(total);
            if (rows.empty()) shown = tr("There are no assessment items yet: an administrator sets them up under "
                                         "Tools > Settings > Customer value.");
            else if (!warning.empty()) shown += "  (" + text(warning) + ")";
            value_->SetLabel(shown);
            action_->Enable(customer() != 0 && !rows.empty());
        } catch (const std::exception& e) {
            problem_->SetLabel(text(e.what()));
            action_->Enable(false);
        }
        Layout();
    }

    void save() {
        grid_->SaveEditControlValue();
        std::vector<std::pair<long long, int>> scores;
        for (int r = 0; r < grid_->GetNumberRows(); ++r) {
            wxString typed = grid_->GetCellValue(r, kScore).Strip(wxString::both);
            if (typed.empty()) continue;
            long score = -1;
            if (!typed.ToLong(&score) || score < 0 || score > 100) {
                problem_->SetLabel(grid_->GetCellValue(r, kItem) + ": " + tr("a score must be between 0 and 100"));
                return;
            }
            scores.emplace_back(items_[static_cast<std::size_t>(r)], static_cast<int>(score));
        }
        try {
            ValueAssessment(host_, clock_).score(customer(), scores);
            load();
        } catch (const tiller::ValidationError& e) {
            problem_->SetLabel(text(e.reason()));
        } catch (const std::exception& e) {
            tiller::ui::showError(this, tr("The scores could not be saved"), e);
        }
    }

    wxGrid* grid_;
    wxStaticText* value_;
    std::vector<long long> items_;
};

}  // namespace

void showAssessmentDialog(wxWindow* parent, tiller::plugin::Host& host, long long customerId) {
    AssessmentDialog dialog(parent, host, customerId);
    dialog.ShowModal();
}

}  // namespace contacts
