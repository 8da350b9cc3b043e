// A record opened from a list: its form, its change history and its approval history, with
// Save (a stale save is refused and what was typed stays), and Submit for approval when a flow
// is declared for the entity.
#pragma once

#include <tiller/record/store.hpp>

#include <wx/dialog.h>

#include <optional>

namespace tiller::ui {

class RecordForm;

class RecordDialog : public wxDialog {
public:
    // `id` 0 opens a new record, with `prefill` typed in. `formId` "" uses the entity's own
    // form (or a generated one).
    RecordDialog(wxWindow* parent, record::Store& store, const std::string& entity, long long id,
                 const std::string& formId = "", const record::Input& prefill = {});
    long long savedId() const { return savedId_; }

private:
    bool save();
    void submit();

    record::Store& store_;
    std::string entity_;
    RecordForm* form_ = nullptr;
    long long savedId_ = 0;
};

}  // namespace tiller::ui
