#include "custom_field_dialog.hpp"

#include "core/field_types.hpp"
#include "core/fields_contributions.hpp"

#include <tiller/errors.hpp>
#include <tiller/i18n/catalogs.hpp>
#include <tiller/ui/error_dialog.hpp>
#include <tiller/ui/text.hpp>

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

namespace fields_plugin {
namespace {
wxString tr(const char* english) { return tiller::ui::text(tiller::i18n::tr(english, kDomain)); }
const tiller::SystemClock& systemClock() {
    static tiller::SystemClock clock;
    return clock;
}
std::string labelIn(const tiller::i18n::Text& label, const std::string& language) {
    auto it = label.byLanguage.find(language);
    if (it != label.byLanguage.end()) return it->second;
    return language == "en" ? label.source : "";
}
}  // namespace

using tiller::record::FieldType;
using tiller::ui::text;
using tiller::ui::utf8;

CustomFieldDialog::CustomFieldDialog(wxWindow* parent, tiller::plugin::Host& host, tiller::record::Entity entity,
                                     std::optional<tiller::record::Field> existing)
    : wxDialog(parent, wxID_ANY,
               wxString::Format(existing ? tr("Change a custom field of %s") : tr("Add a custom field to %s"),
                                text(tiller::i18n::tr(entity.label))),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      host_(host), entity_(std::move(entity)), existing_(std::move(existing)), types_(customFieldTypes()) {
    auto* form = new wxFlexGridSizer(2, FromDIP(wxSize(10, 8)));
    form->AddGrowableCol(1);
    auto row = [&](const char* label, wxWindow* field) {
        form->Add(new wxStaticText(this, wxID_ANY, tr(label)), 0, wxALIGN_CENTER_VERTICAL);
        form->Add(field, 1, wxEXPAND);
    };

    name_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, FromDIP(wxSize(260, -1)));
    name_->SetHint("wechat");
    row(N_("Name"), name_);
    type_ = new wxChoice(this, wxID_ANY);
    for (auto t : types_) type_->Append(tr(typeLabel(t)));
    row(N_("Type"), type_);
    english_ = new wxTextCtrl(this, wxID_ANY);
    row(N_("Label (English)"), english_);
    chinese_ = new wxTextCtrl(this, wxID_ANY);
    row(N_("Label (Chinese)"), chinese_);
    group_ = new wxTextCtrl(this, wxID_ANY);
    row(N_("Group"), group_);
    order_ = new wxSpinCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, -9999, 9999, 0);
    row(N_("Order"), order_);
    dictionary_ = new wxChoice(this, wxID_ANY);
    for (const auto& k : host_.registry().dictionaryKinds()) {
        kinds_.push_back(k.id);
        dictionary_->Append(text(tiller::i18n::tr(k.label)));
    }
    row(N_("Picklist values from"), dictionary_);
    references_ = new wxChoice(this, wxID_ANY);
    for (const auto& e : host_.registry().entities()) {
        entities_.push_back(e.id);
        references_->Append(text(tiller::i18n::tr(e.label)));
    }
    row(N_("Refers to"), references_);

    auto* checks = new wxBoxSizer(wxHORIZONTAL);
    enabled_ = new wxCheckBox(this, wxID_ANY, tr("Enabled"));
    required_ = new wxCheckBox(this, wxID_ANY, tr("Required"));
    searchable_ = new wxCheckBox(this, wxID_ANY, tr("Searchable"));
    for (auto* c : {enabled_, required_, searchable_}) checks->Add(c, 0, wxRIGHT, FromDIP(16));
    form->AddSpacer(0);
    form->Add(checks);

    auto* note = new wxStaticText(this, wxID_ANY,
                                  tr("The name and the type are fixed once the field is saved. The name takes lower case "
                                     "letters, digits and _."));
    note->Wrap(FromDIP(420));

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(form, 1, wxEXPAND | wxALL, FromDIP(12));
    top->Add(note, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12));
    auto* buttons = new wxStdDialogButtonSizer();
    auto* ok = new wxButton(this, wxID_OK, tr("Save"));
    buttons->AddButton(ok);
    buttons->AddButton(new wxButton(this, wxID_CANCEL, tr("Cancel")));
    buttons->Realize();
    top->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12));
    SetSizerAndFit(top);
    ok->SetDefault();

    if (existing_) {
        const auto& f = *existing_;
        std::string shown = f.name.rfind("cf_", 0) == 0 ? f.name.substr(3) : f.name;
        name_->ChangeValue(text(shown));
        auto at = std::find(types_.begin(), types_.end(), f.type);
        type_->SetSelection(at == types_.end() ? 0 : static_cast<int>(at - types_.begin()));
        english_->ChangeValue(text(labelIn(f.label, "en")));
        chinese_->ChangeValue(text(labelIn(f.label, "zh_CN")));
        group_->ChangeValue(text(f.group));
        order_->SetValue(f.order);
        enabled_->SetValue(f.enabled);
        required_->SetValue(f.required);
        searchable_->SetValue(f.searchable);
        auto kind = std::find(kinds_.begin(), kinds_.end(), f.dictionary);
        if (kind != kinds_.end()) dictionary_->SetSelection(static_cast<int>(kind - kinds_.begin()));
        auto refers = std::find(entities_.begin(), entities_.end(), f.references);
        if (refers != entities_.end()) references_->SetSelection(static_cast<int>(refers - entities_.begin()));
        name_->Disable();  // fixed once saved
        type_->Disable();
    } else {
        type_->SetSelection(0);
        enabled_->SetValue(true);
    }
    showChoicesForType();

    type_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { showChoicesForType(); });
    ok->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
    (existing_ ? english_ : name_)->SetFocus();
}

void CustomFieldDialog::showChoicesForType() {
    int index = type_->GetSelection();
    FieldType type = index < 0 ? FieldType::text : types_[static_cast<size_t>(index)];
    // Fixed once saved, like the type they belong to.
    bool editable = !existing_;
    dictionary_->Enable(editable && type == FieldType::picklist);
    references_->Enable(editable && type == FieldType::reference);
    if (type == FieldType::picklist && dictionary_->GetSelection() < 0 && !kinds_.empty()) dictionary_->SetSelection(0);
    if (type == FieldType::reference && references_->GetSelection() < 0) {
        auto self = std::find(entities_.begin(), entities_.end(), entity_.id);
        references_->SetSelection(self == entities_.end() ? 0 : static_cast<int>(self - entities_.begin()));
    }
}

tiller::record::CustomFieldDraft CustomFieldDialog::draft() const {
    tiller::record::CustomFieldDraft d;
    d.name = utf8(name_->GetValue().Strip(wxString::both));
    int type = type_->GetSelection();
    d.type = type < 0 ? FieldType::text : types_[static_cast<size_t>(type)];
    auto english = utf8(english_->GetValue().Strip(wxString::both));
    auto chinese = utf8(chinese_->GetValue().Strip(wxString::both));
    if (!english.empty()) d.labels["en"] = english;
    if (!chinese.empty()) d.labels["zh_CN"] = chinese;
    d.group = utf8(group_->GetValue().Strip(wxString::both));
    d.order = order_->GetValue();
    d.enabled = enabled_->GetValue();
    d.required = required_->GetValue();
    d.searchable = searchable_->GetValue();
    int kind = dictionary_->GetSelection();
    if (d.type == FieldType::picklist && kind >= 0) d.dictionary = kinds_[static_cast<size_t>(kind)];
    int refers = references_->GetSelection();
    if (d.type == FieldType::reference && refers >= 0) d.references = entities_[static_cast<size_t>(refers)];
    if (existing_) {  // kept as saved: change() never alters them
        d.maxLength = existing_->maxLength;
        d.dictionary = existing_->dictionary;
        d.references = existing_->references;
    }
    return d;
}

void CustomFieldDialog::save() {
    try {
        tiller::record::CustomFields fields(host_, systemClock());
        if (existing_)
            fields.change(entity_.id, existing_->name, draft());
        else
            fields.add(entity_.id, draft());
        EndModal(wxID_OK);
    } catch (const tiller::Error& e) {
        tiller::ui::showError(this, tr("The custom field could not be saved"), e);
    }
}

}  // namespace fields_plugin
