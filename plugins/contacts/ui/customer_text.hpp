// Texts of the customer card, the 360° view and the merge screen (catalog tiller-contacts), and
// the clock they stamp changes with.
#pragma once

#include <tiller/clock.hpp>
#include <tiller/record/field.hpp>

#include <wx/string.h>

#include <string>
#include <vector>

namespace contacts::card {

wxString tr(const char* english);
// A sentence from core code (a field's problem, a refusal): the contacts catalog, then the
// shell's, else as it is.
std::string translated(const std::string& english);
// The same for each message of a list of field problems (before RecordForm shows them).
std::vector<tiller::record::FieldError> translated(std::vector<tiller::record::FieldError> errors);
const tiller::Clock& clock();

}  // namespace contacts::card
