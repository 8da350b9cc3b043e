#include "duplicate_warning_dialog.hpp"
#include "customer_text.hpp"

#include <tiller/ui/text.hpp>

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace contacts::card {

wxString reasonsText(const DuplicateCandidate& candidate) {
    wxString all;
    for (const auto& m : candidate.matches) {
        wxString why;
        switch (m.reason) {
            case DuplicateReason::samePhone: why = tr("same phone"); break;
            case DuplicateReason::sameEmail: why = tr("same e-mail"); break;
            case DuplicateReason::sameName: why = tr("same name"); break;
            case DuplicateReason::similarName: why = tr("similar name"); break;
        }
        all += (all.empty() ? "" : "; ") + why + " " + tiller::ui::text(m.value);
    }
    return all;
}

DuplicateWarningDialog::DuplicateWarningDialog(wxWindow* parent, const std::vector<DuplicateCandidate>& candidates)
    : wxDialog(parent, wxID_ANY, tr("Possible duplicates"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new wxStaticText(this, wxID_ANY, tr("These customers may be the same company as the one you are adding:")), 0,
               wxALL, FromDIP(12));
    auto* list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(640, 180)), wxLC_REPORT | wxLC_HRULES);
    list->AppendColumn(tr("Customer"), wxLIST_FORMAT_LEFT, FromDIP(220));
    list->AppendColumn(tr("Account manager"), wxLIST_FORMAT_LEFT, FromDIP(110));
    list->AppendColumn(tr("Why"), wxLIST_FORMAT_LEFT, FromDIP(300));
    for (const auto& c : candidates) {
        long row = list->InsertItem(list->GetItemCount(), tiller::ui::text(std::to_string(c.customerId) + "  " + c.name));
        list->SetItem(row, 1, c.ownerName.empty() ? tr("public pool") : tiller::ui::text(c.ownerName));
        list->SetItem(row, 2, reasonsText(c));
    }
    sizer->Add(list, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(12));
    sizer->Add(new wxStaticText(this, wxID_ANY, tr("Save the new customer anyway? (Duplicates can be merged later.)")), 0,
               wxALL, FromDIP(12));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    auto* back = new wxButton(this, wxID_CANCEL, tr("Go back"));
    auto* anyway = new wxButton(this, wxID_OK, tr("Save anyway"));
    back->SetDefault();
    buttons->Add(back, 0, wxRIGHT, FromDIP(6));
    buttons->Add(anyway, 0);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(12));
    SetSizerAndFit(sizer);
    CentreOnParent();
}

}  // namespace contacts::card
