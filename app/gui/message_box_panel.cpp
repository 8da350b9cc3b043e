#include "message_box_panel.hpp"
#include "reminder_dialog.hpp"

#include <tiller/errors.hpp>
#include <tiller/messages/events.hpp>
#include <tiller/messages/reminders.hpp>
#include <tiller/ui/error_dialog.hpp>
#include <tiller/ui/tr.hpp>
#include <tiller/util/time_text.hpp>

#include <wx/sizer.h>

#include <algorithm>

namespace tiller::gui {
namespace {

enum Column { status, kind, title, date, details };

wxString kindLabel(messages::Kind kind) {
    switch (kind) {
        case messages::Kind::reminder: return ui::tr("Reminder");
        case messages::Kind::announcement: return ui::tr("Announcement");
        case messages::Kind::system: return ui::tr("Notice");
    }
    return "";
}

// "Greeting 7": the kind of record as its plugin names it, and its id.
std::string recordLabel(Runtime& runtime, const std::string& entity, std::optional<long long> record) {
    if (entity.empty()) return "";
    std::string name = entity;
    for (const auto& owned : runtime.registry().ownedTables())
        if (owned.entity == entity && !owned.label.empty()) name = i18n::tr(owned.label);
    return record ? name + " " + std::to_string(*record) : name;
}

}  // namespace

long long unreadTotal(Runtime& runtime) {
    return messages::MessageBox(runtime.host(), runtime.clock()).unreadCount() +
           messages::Announcements(runtime.host(), runtime.clock()).unreadCount();
}

MessageBoxPanel::MessageBoxPanel(wxWindow* parent, Runtime& runtime) : wxPanel(parent), runtime_(runtime) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    for (auto [label, width] : {std::pair{N_("Status"), 70}, {N_("Kind"), 120}, {N_("Title"), 320},
                                {N_("Date"), 150}, {N_("Details"), 240}})
        list_->AppendColumn(ui::tr(label), wxLIST_FORMAT_LEFT, FromDIP(width));
    sizer->Add(list_, 3, wxEXPAND | wxALL, FromDIP(8));

    auto* row = new wxBoxSizer(wxHORIZONTAL);
    markRead_ = new wxButton(this, wxID_ANY, ui::tr("Mark read"));
    auto* markAll = new wxButton(this, wxID_ANY, ui::tr("Mark all read"));
    remind_ = new wxButton(this, wxID_ANY, ui::tr("Add reminder..."));
    row->Add(markRead_, 0, wxRIGHT, FromDIP(6));
    row->Add(markAll, 0, wxRIGHT, FromDIP(6));
    row->Add(remind_);
    sizer->Add(row, 0, wxLEFT | wxRIGHT, FromDIP(8));

    body_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize,
                           wxTE_MULTILINE | wxTE_READONLY | wxTE_RICH2);
    sizer->Add(body_, 2, wxEXPAND | wxALL, FromDIP(8));
    SetSizer(sizer);

    list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) { show(e.GetIndex()); });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { markRead(e.GetIndex()); });
    markRead_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { markRead(selectedRow()); });
    markAll->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { markAllRead(); });
    remind_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { addReminder(); });
    // Reminders fired by the main window's alarm, or another window marking things read.
    changed_ = runtime_.host().events().subscribe<messages::MessageBoxChanged>(
        [this](const messages::MessageBoxChanged& e) {
            long long shownUnread = std::count_if(entries_.begin(), entries_.end(), [](const Entry& x) { return x.unread(); });
            if (!e.fired.empty() || e.unread != shownUnread) reload();
        });
    reload();
}

long MessageBoxPanel::selectedRow() const { return list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); }

void MessageBoxPanel::reload() {
    // Keep the selection on the same entry across a reload.
    std::optional<std::pair<bool, long long>> selected;
    if (long row = selectedRow(); row >= 0 && static_cast<size_t>(row) < entries_.size()) {
        const auto& e = entries_[static_cast<size_t>(row)];
        selected = std::pair{e.announcement.has_value(), e.announcement ? e.announcement->id : e.message->id};
    }
    entries_.clear();
    for (auto& a : messages::Announcements(runtime_.host(), runtime_.clock()).visible()) entries_.push_back({a, {}});
    for (auto& m : messages::MessageBox(runtime_.host(), runtime_.clock()).messages()) entries_.push_back({{}, m});

    list_->DeleteAllItems();
    wxFont normal = list_->GetFont(), bold = normal.Bold();
    long reselect = -1;
    for (size_t i = 0; i < entries_.size(); ++i) {
        const auto& e = entries_[i];
        long row = list_->InsertItem(static_cast<long>(i), e.unread() ? ui::tr("Unread") : ui::tr("Read"));
        if (e.announcement) {
            const auto& a = *e.announcement;
            list_->SetItem(row, kind, kindLabel(messages::Kind::announcement));
            list_->SetItem(row, title, ui::text(a.title));
            list_->SetItem(row, date, ui::text(util::localDateTime(a.startsAt)));
            list_->SetItem(row, details, ui::tr("until") + " " + ui::text(util::localDateTime(a.endsAt)));
        } else {
            const auto& m = *e.message;
            list_->SetItem(row, kind, kindLabel(m.kind));
            list_->SetItem(row, title, ui::text(m.title));
            list_->SetItem(row, date, ui::text(util::localDateTime(m.createdAt)));
            list_->SetItem(row, details, ui::text(recordLabel(runtime_, m.entity, m.recordId)));
        }
        list_->SetItemFont(row, e.unread() ? bold : normal);
        if (selected && selected->first == e.announcement.has_value() &&
            selected->second == (e.announcement ? e.announcement->id : e.message->id))
            reselect = row;
    }
    if (reselect >= 0) {
        list_->SetItemState(reselect, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
        show(reselect);
    } else {
        show(-1);
    }
}

void MessageBoxPanel::show(long row) {
    body_->Clear();
    bool valid = row >= 0 && static_cast<size_t>(row) < entries_.size();
    markRead_->Enable(valid && entries_[static_cast<size_t>(row)].unread());
    remind_->Enable(valid && entries_[static_cast<size_t>(row)].message &&
                    !entries_[static_cast<size_t>(row)].message->entity.empty());
    if (!valid) {
        body_->SetValue(entries_.empty() ? ui::tr("Your message box is empty.") : ui::tr("Select a message to read it."));
        return;
    }
    const auto& e = entries_[static_cast<size_t>(row)];
    wxString text;
    if (e.announcement) {
        const auto& a = *e.announcement;
        text = ui::text(a.title) + "\n";
        if (!a.createdByName.empty()) text += ui::tr("From:") + " " + ui::text(a.createdByName) + "    ";
        text += ui::tr("Shown until:") + " " + ui::text(util::localDateTime(a.endsAt)) + "\n\n" + ui::text(a.body);
    } else {
        const auto& m = *e.message;
        text = ui::text(m.title) + "\n";
        if (!m.entity.empty()) text += ui::tr("About:") + " " + ui::text(recordLabel(runtime_, m.entity, m.recordId)) + "\n";
        text += "\n" + ui::text(m.body);
    }
    body_->SetValue(text);
    // The title line in bold, as in the list.
    body_->SetStyle(0, static_cast<long>(text.find('\n')), wxTextAttr(wxNullColour, wxNullColour, body_->GetFont().Bold()));
}

void MessageBoxPanel::markRead(long row) {
    if (row < 0 || static_cast<size_t>(row) >= entries_.size()) return;
    auto& e = entries_[static_cast<size_t>(row)];
    if (!e.unread()) return;
    try {
        if (e.announcement) {
            messages::Announcements(runtime_.host(), runtime_.clock()).markRead(e.announcement->id);
            e.announcement->readAt = runtime_.clock().nowMs();
        } else {
            messages::MessageBox(runtime_.host(), runtime_.clock()).markRead(e.message->id);
            e.message->readAt = runtime_.clock().nowMs();
        }
    } catch (const Error& error) {
        ui::showError(this, ui::tr("The message could not be marked as read"), error);
        reload();
        return;
    }
    list_->SetItem(row, status, ui::tr("Read"));
    list_->SetItemFont(row, list_->GetFont());
    if (row == selectedRow()) markRead_->Disable();
    announceChange();
}

void MessageBoxPanel::markAllRead() {
    try {
        messages::MessageBox(runtime_.host(), runtime_.clock()).markAllRead();
        messages::Announcements(runtime_.host(), runtime_.clock()).markAllRead();
    } catch (const Error& error) {
        ui::showError(this, ui::tr("The messages could not be marked as read"), error);
    }
    reload();
    announceChange();
}

void MessageBoxPanel::addReminder() {
    long row = selectedRow();
    if (row < 0 || static_cast<size_t>(row) >= entries_.size() || !entries_[static_cast<size_t>(row)].message) return;
    const auto& m = *entries_[static_cast<size_t>(row)].message;
    if (m.entity.empty() || !m.recordId) return;
    ReminderDialog dialog(this, runtime_, m.entity, *m.recordId, recordLabel(runtime_, m.entity, m.recordId), m.body);
    if (dialog.ShowModal() != wxID_OK) return;
    runtime_.host().notify(i18n::tr("Reminder set for") + " " + util::localDateTime(dialog.dueAt()));
}

void MessageBoxPanel::announceChange() {
    try {
        runtime_.host().events().publish(messages::MessageBoxChanged{{}, unreadTotal(runtime_)});
    } catch (const Error&) {
        // The count shows again with the next check of the alarm.
    }
}

void registerMessageBox(plugin::Registry& registry, ui::UiRegistry& widgets, Runtime& runtime) {
    registry.setOwner("shell");
    plugin::NavigationView view;
    view.id = "shell.messages";
    view.label = N_("Message box");
    view.group = N_("My work");
    view.order = 1;
    registry.add(view);
    widgets.addView("shell.messages", [&runtime](wxWindow* parent, plugin::Host&) { return new MessageBoxPanel(parent, runtime); });
}

}  // namespace tiller::gui
