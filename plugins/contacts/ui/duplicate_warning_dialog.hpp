// Shown before a customer is saved when others look like the same company (SPEC §2.10): who
// they are, whose they are and why they match. The person goes back to change the card or
// saves anyway.
#pragma once

#include "core/duplicate_finder.hpp"

#include <wx/dialog.h>

namespace contacts::card {

// "same phone 138-0013-8000; similar name 华信科技" in the running language.
wxString reasonsText(const DuplicateCandidate& candidate);

class DuplicateWarningDialog : public wxDialog {
public:
    DuplicateWarningDialog(wxWindow* parent, const std::vector<DuplicateCandidate>& candidates);
};

}  // namespace contacts::card
