// A declared form (tiller/record/form.hpp) as native widgets: sections, translated labels,
// required markers, inline messages under each field, read-only and show-for rules.
#pragma once

#include <tiller/record/form.hpp>
#include <tiller/record/store.hpp>
#include <tiller/ui/field_editors.hpp>

#include <wx/scrolwin.h>
#include <wx/stattext.h>

#include <map>
#include <optional>

namespace tiller::ui {

class RecordForm : public wxScrolledWindow {
public:
    // `record` is the saved record to edit, or nullopt for a new one.
    RecordForm(wxWindow* parent, record::Store& store, const record::Form& form, std::optional<record::Record> record);

    // Puts these values into their fields as if typed (a new customer from a caller's number).
    void fill(const record::Input& values);
    // What the person typed: every filled field of a new record, the changed fields otherwise.
    record::Input input() const;
    // Shows each message under its field (and clears the others); false if none was placed.
    bool showErrors(const std::vector<record::FieldError>& errors);
    const std::optional<record::Record>& record() const { return record_; }

private:
    struct Row {
        const record::Field* field;
        record::FormField placement;
        std::unique_ptr<FieldEditor> editor;
        wxStaticText* label;
        wxStaticText* error;
        std::string loaded;
    };
    void applyRules();     // read-only and show-for, from the current values
    void checkOne(Row& row);

    record::Store& store_;
    const record::Entity& entity_;
    std::optional<record::Record> record_;
    std::vector<Row> rows_;
};

}  // namespace tiller::ui
