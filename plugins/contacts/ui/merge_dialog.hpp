// The merge screen (客户合并, SPEC §2.10): two customers side by side, one radio choice per
// field for the value the kept customer ends with, and Merge. Opened from the 360° view (with
// this customer and its likeliest duplicate) or from the Customers menu (with the first group
// of duplicates found, and a button to step through the others).
#pragma once

#include "core/customer_merger.hpp"

#include <tiller/plugin/host.hpp>
#include <tiller/record/store.hpp>
#include <tiller/ui/field_editors.hpp>

#include <wx/dialog.h>

#include <memory>
#include <optional>

class wxFlexGridSizer;
class wxRadioButton;
class wxScrolledWindow;
class wxStaticText;
class wxButton;

namespace contacts::card {

class MergeDialog : public wxDialog {
public:
    // 0 leaves a side to choose. With both 0 the dialog starts at the first duplicates found.
    MergeDialog(wxWindow* parent, tiller::plugin::Host& host, long long keepId, long long otherId);

private:
    void compare();  // the two picked customers, field by field
    void swapSides();
    void nextPair();
    bool merge();
    long long picked(const tiller::ui::FieldEditor& editor) const;
    long long childCount(const std::string& entity, long long customerId);

    tiller::plugin::Host& host_;
    std::shared_ptr<tiller::record::Store> store_;
    CustomerMerger merger_;
    tiller::record::Field keepField_, otherField_;  // what the two pickers pick (they keep a reference)
    std::unique_ptr<tiller::ui::FieldEditor> keepPick_, otherPick_;
    wxScrolledWindow* compared_ = nullptr;
    wxFlexGridSizer* grid_ = nullptr;
    wxStaticText* problem_ = nullptr;
    wxButton* next_ = nullptr;
    struct Choice {
        std::string field;
        wxRadioButton* fromOther;
    };
    std::vector<Choice> choices_;
    std::optional<tiller::record::Record> keep_, other_;
    std::vector<std::pair<long long, long long>> pairs_;  // duplicates to step through
    std::size_t pair_ = 0;
};

}  // namespace contacts::card
