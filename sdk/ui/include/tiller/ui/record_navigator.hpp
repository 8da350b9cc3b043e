// How widgets open a record without knowing who shows it. The shell's main window is the
// navigator: it asks the UiRegistry for the entity's RecordOpener (a plugin's screen in a tab,
// e.g. the customer 360° view) or RecordCreator, and falls back to the generic RecordDialog.
// Lists, search results and plugins' own panels all go through here, so a record opens the
// same way from everywhere.
#pragma once

#include <tiller/record/store.hpp>

#include <wx/window.h>

#include <string>

namespace tiller::ui {

class RecordNavigator {
public:
    virtual ~RecordNavigator();
    // Shows record `id` of `entity`. True when it was edited in a dialog that was saved (the
    // caller refreshes what it shows); false when it opened in a tab or nothing changed.
    virtual bool openRecord(wxWindow* from, const std::string& entity, long long id, const std::string& formId = "") = 0;
    // Asks for a new record of `entity`, starting from `prefill`; its id, or 0 when the person
    // cancelled.
    virtual long long createRecord(wxWindow* from, const std::string& entity, const std::string& formId = "",
                                   const record::Input& prefill = {}) = 0;
};

// The shell's navigator (its main window); nullptr where there is none (a widget under test).
RecordNavigator* recordNavigator();

// Opens "record:ENTITY:ID" (what a search hit or a link names) through the navigator. False
// when `target` has another form or there is no navigator.
bool openRecordTarget(wxWindow* from, const std::string& target);

}  // namespace tiller::ui
