// "Add reminder": when (date and time), for whom (default: me) and a note, about one record.
// OK sets the reminder; a refusal (no note, ...) is shown in the dialog, which stays open.
#pragma once

#include <tiller/runtime.hpp>

#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dialog.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/timectrl.h>

#include <string>
#include <vector>

namespace tiller::gui {

class ReminderDialog : public wxDialog {
public:
    ReminderDialog(wxWindow* parent, Runtime& runtime, std::string entity, long long recordId,
                   const std::string& recordLabel, const std::string& note);
    long long dueAt() const { return dueAt_; }  // after OK

private:
    void save();

    Runtime& runtime_;
    std::string entity_;
    long long recordId_;
    long long dueAt_ = 0;
    std::vector<long long> people_;  // user ids, in the order of person_
    wxChoice* person_;
    wxDatePickerCtrl* date_;
    wxTimePickerCtrl* time_;
    wxTextCtrl* note_;
    wxStaticText* problem_;
};

}  // namespace tiller::gui
