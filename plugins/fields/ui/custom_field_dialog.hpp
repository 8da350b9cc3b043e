// Adds a custom field to a kind of record, or changes one. Name and type are fixed once the
// field is saved, so they are greyed when editing. A refusal (a bad name, a name already
// taken, a picklist without its list) is shown and the dialog stays open with what was typed.
#pragma once

#include <tiller/plugin/host.hpp>
#include <tiller/record/custom_fields.hpp>
#include <tiller/record/entity.hpp>

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>

#include <optional>
#include <vector>

namespace fields_plugin {

class CustomFieldDialog : public wxDialog {
public:
    // `existing` empty: a new field of `entity`; else that field, to change.
    CustomFieldDialog(wxWindow* parent, tiller::plugin::Host& host, tiller::record::Entity entity,
                      std::optional<tiller::record::Field> existing = std::nullopt);

private:
    void showChoicesForType();
    tiller::record::CustomFieldDraft draft() const;
    void save();

    tiller::plugin::Host& host_;
    tiller::record::Entity entity_;
    std::optional<tiller::record::Field> existing_;
    std::vector<tiller::record::FieldType> types_;
    std::vector<std::string> kinds_;     // dictionary kind ids, as in dictionary_
    std::vector<std::string> entities_;  // entity ids, as in references_
    wxTextCtrl* name_;
    wxChoice* type_;
    wxTextCtrl* english_;
    wxTextCtrl* chinese_;
    wxTextCtrl* group_;
    wxSpinCtrl* order_;
    wxCheckBox* enabled_;
    wxCheckBox* required_;
    wxCheckBox* searchable_;
    wxChoice* dictionary_;
    wxChoice* references_;
};

}  // namespace fields_plugin
