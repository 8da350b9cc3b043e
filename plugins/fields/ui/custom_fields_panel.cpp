#include "custom_fields_panel.hpp"

#include "core/field_types.hpp"
#include "core/fields_contributions.hpp"
#include "custom_field_dialog.hpp"

#include <tiller/clock.hpp>
#include <tiller/errors.hpp>
#include <tiller/i18n/catalogs.hpp>
#include <tiller/record/custom_fields.hpp>
#include <tiller/ui/error_dialog.hpp>
#include <tiller/ui/text.hpp>

#include <wx/button.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace fields_plugin {
namespace {
wxString tr(const char* english) { return tiller::ui::text(tiller::i18n::tr(english, kDomain)); }
wxString yesNo(bool value) { return value ? tr("Yes") : tr("No"); }
}  // namespace

using tiller::ui::text;

CustomFieldsPanel::CustomFieldsPanel(wxWindow* parent, tiller::plugin::Host& host)
    : wxPanel(parent), host_(host), entities_(entitiesTakingCustomFields(host.registry())) {
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(new wxStaticText(this, wxID_ANY, tr("Kind of record")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
    entity_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(220, -1)));
    for (const auto& e : entities_) entity_->Append(text(tiller::i18n::tr(e.label)));
    top->Add(entity_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(16));
    auto* addButton = new wxButton(this, wxID_ANY, tr("Add..."));
    auto* editButton = new wxButton(this, wxID_ANY, tr("Edit..."));
    top->Add(addButton, 0, wxRIGHT, FromDIP(6));
    top->Add(editButton);

    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    const char* columns[] = {N_("Name"), N_("Label"), N_("Type"), N_("Group"), N_("Order"),
                             N_("Enabled"), N_("Required"), N_("Searchable")};
    const int widths[] = {140, 180, 120, 120, 60, 80, 80, 90};
    for (int i = 0; i < 8; ++i)
        list_->AppendColumn(tr(columns[i]), i == 4 ? wxLIST_FORMAT_RIGHT : wxLIST_FORMAT_LEFT, FromDIP(widths[i]));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, 0, wxEXPAND | wxALL, FromDIP(10));
    if (entities_.empty())
        sizer->Add(new wxStaticText(this, wxID_ANY, tr("No installed plugin lets you add fields to its records.")), 0,
                   wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10));
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10));
    SetSizer(sizer);

    entity_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { showEntity(); });
    addButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add(); });
    editButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        edit(list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED));
    });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { edit(e.GetIndex()); });
    addButton->Enable(!entities_.empty());
    editButton->Enable(!entities_.empty());
    if (!entities_.empty()) {
        entity_->SetSelection(0);
        showEntity();
    }
}

void CustomFieldsPanel::showEntity() {
    list_->DeleteAllItems();
    fields_.clear();
    int index = entity_->GetSelection();
    if (index < 0) return;
    tiller::SystemClock clock;
    try {
        fields_ = tiller::record::CustomFields(host_, clock).list(entities_[static_cast<size_t>(index)].id);
    } catch (const tiller::Error& e) {
        tiller::ui::showError(this, tr("The custom fields could not be read"), e);
        return;
    }
    for (size_t i = 0; i < fields_.size(); ++i) {
        const auto& f = fields_[i];
        long row = list_->InsertItem(static_cast<long>(i), text(f.name.rfind("cf_", 0) == 0 ? f.name.substr(3) : f.name));
        list_->SetItem(row, 1, text(tiller::i18n::tr(f.label)));
        list_->SetItem(row, 2, tr(typeLabel(f.type)));
        list_->SetItem(row, 3, text(f.group));
        list_->SetItem(row, 4, wxString::Format("%d", f.order));
        list_->SetItem(row, 5, yesNo(f.enabled));
        list_->SetItem(row, 6, yesNo(f.required));
        list_->SetItem(row, 7, yesNo(f.searchable));
        if (!f.enabled) list_->SetItemTextColour(row, wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    }
}

void CustomFieldsPanel::add() {
    int index = entity_->GetSelection();
    if (index < 0) return;
    CustomFieldDialog dialog(this, host_, entities_[static_cast<size_t>(index)]);
    if (dialog.ShowModal() == wxID_OK) showEntity();
}

void CustomFieldsPanel::edit(long row) {
    int index = entity_->GetSelection();
    if (index < 0 || row < 0 || row >= static_cast<long>(fields_.size())) return;
    CustomFieldDialog dialog(this, host_, entities_[static_cast<size_t>(index)], fields_[static_cast<size_t>(row)]);
    if (dialog.ShowModal() == wxID_OK) showEntity();
}

}  // namespace fields_plugin
