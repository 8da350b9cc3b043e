// Click to dial from a list (SPEC §7.3): when a phone system is installed (the Telephony
// service), a right click on a row offers "Call <number>" for each phone column of the row; a
// call the phone refuses (not registered, busy) says why.
#pragma once

#include <tiller/record/list.hpp>
#include <tiller/record/store.hpp>

#include <wx/listctrl.h>

namespace tiller::ui {

void offerCallsFromRows(wxListCtrl& table, record::Store& store, const record::ListDefinition& list);

}  // namespace tiller::ui
