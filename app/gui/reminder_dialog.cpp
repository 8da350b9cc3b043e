#include "reminder_dialog.hpp"

#include <tiller/errors.hpp>
#include <tiller/identity/people.hpp>
#include <tiller/messages/reminders.hpp>
#include <tiller/ui/dialog_parts.hpp>
#include <tiller/ui/tr.hpp>

#include <wx/sizer.h>

namespace tiller::gui {

ReminderDialog::ReminderDialog(wxWindow* parent, Runtime& runtime, std::string entity, long long recordId,
                               const std::string& recordLabel, const std::string& note)
    : wxDialog(parent, wxID_ANY, ui::tr("Add reminder"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      runtime_(runtime),
      entity_(std::move(entity)),
      recordId_(recordId) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(10, 10)));
    grid->AddGrowableCol(1);
    grid->AddGrowableRow(4);
    grid->Add(new wxStaticText(this, wxID_ANY, ui::tr("About")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(new wxStaticText(this, wxID_ANY, ui::text(recordLabel)), 0, wxALIGN_CENTER_VERTICAL);

    grid->Add(new wxStaticText(this, wxID_ANY, ui::tr("Remind")), 0, wxALIGN_CENTER_VERTICAL);
    person_ = new wxChoice(this, wxID_ANY);
    auto me = runtime_.host().actingUser();
    for (const auto& u : identity::UserDirectory(runtime_.database(), runtime_.clock(), {}).users()) {
        if (!u.active) continue;
        person_->Append(ui::text(u.name + " (" + u.login + ")"));
        people_.push_back(u.id);
        if (me && u.id == *me) person_->SetSelection(static_cast<int>(people_.size() - 1));
    }
    grid->Add(person_, 1, wxEXPAND);

    // Default: an hour from now, on the minute.
    wxDateTime when = wxDateTime::Now() + wxTimeSpan::Hour();
    when.SetSecond(0);
    grid->Add(new wxStaticText(this, wxID_ANY, ui::tr("Date")), 0, wxALIGN_CENTER_VERTICAL);
    date_ = new wxDatePickerCtrl(this, wxID_ANY, when, wxDefaultPosition, wxDefaultSize, wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    grid->Add(date_, 0);
    grid->Add(new wxStaticText(this, wxID_ANY, ui::tr("Time")), 0, wxALIGN_CENTER_VERTICAL);
    time_ = new wxTimePickerCtrl(this, wxID_ANY, when);
    grid->Add(time_, 0);

    grid->Add(new wxStaticText(this, wxID_ANY, ui::tr("Note")), 0, wxALIGN_TOP);
    note_ = new wxTextCtrl(this, wxID_ANY, ui::text(note), wxDefaultPosition, FromDIP(wxSize(340, 90)), wxTE_MULTILINE);
    grid->Add(note_, 1, wxEXPAND);
    sizer->Add(grid, 1, wxEXPAND | wxALL, FromDIP(16));

    problem_ = ui::problemLine(this);
    sizer->Add(problem_, 0, wxLEFT | wxRIGHT | wxEXPAND, FromDIP(16));

    sizer->Add(ui::okCancelButtons(this, ui::tr("Set reminder")), 0, wxEXPAND | wxALL, FromDIP(16));
    SetSizerAndFit(sizer);
    CentreOnParent();
    note_->SetFocus();
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); }, wxID_OK);
}

void ReminderDialog::save() {
    wxDateTime day = date_->GetValue();
    int hour = 0, minute = 0, second = 0;
    time_->GetTime(&hour, &minute, &second);
    day.SetHour(static_cast<wxDateTime::wxDateTime_t>(hour));
    day.SetMinute(static_cast<wxDateTime::wxDateTime_t>(minute));
    day.SetSecond(0);
    messages::NewReminder r;
    r.entity = entity_;
    r.recordId = recordId_;
    int picked = person_->GetSelection();
    if (picked != wxNOT_FOUND) r.userId = people_[static_cast<size_t>(picked)];
    r.dueAt = day.GetValue().GetValue();  // local time in, UTC milliseconds out
    r.note = ui::utf8(note_->GetValue());
    try {
        messages::Reminders(runtime_.host(), runtime_.clock()).add(r);
        dueAt_ = r.dueAt;
        EndModal(wxID_OK);
    } catch (const Error& e) {
        problem_->SetLabel(ui::text(e.what()));
        problem_->Wrap(FromDIP(360));
        Fit();
    }
}

}  // namespace tiller::gui
