// One control per field type for generated forms. Each editor shows and returns the field's
// value as text the record Store accepts (money "1,234.50", dates "2026-03-08", picklists,
// references and users by id), so forms need no per-type code.
#pragma once

#include <tiller/record/store.hpp>

#include <wx/window.h>

#include <memory>
#include <string>

namespace tiller::ui {

class FieldEditor {
public:
    virtual ~FieldEditor() = default;
    virtual wxWindow* window() = 0;
    virtual void set(const std::string& text) = 0;
    virtual std::string get() const = 0;
    virtual void setReadOnly(bool readOnly) = 0;
    // Called after any change the person makes (inline validation, record-type switches).
    std::function<void()> onChange;
};

// `recordId` is 0 for a record not saved yet (attachments then wait for the first save).
std::unique_ptr<FieldEditor> makeEditor(wxWindow* parent, record::Store& store, const record::Entity& entity,
                                        const record::Field& field, long long recordId);

// A stored value as its editor's text.
std::string editText(const record::Field& field, const data::Value& value);

}  // namespace tiller::ui
