// The message box (消息盒子, SPEC §1.6): current announcements and the signed-in person's
// messages (fired reminders, notices), unread in bold; opening one shows its text. Mark read,
// mark all read, and a new reminder about the selected message's record.
#pragma once

#include <tiller/messages/announcements.hpp>
#include <tiller/messages/message_box.hpp>
#include <tiller/runtime.hpp>
#include <tiller/ui/ui_registry.hpp>

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/textctrl.h>

#include <optional>
#include <vector>

namespace tiller::gui {

class MessageBoxPanel : public wxPanel {
public:
    MessageBoxPanel(wxWindow* parent, Runtime& runtime);

private:
    // One row: an announcement or a message.
    struct Entry {
        std::optional<messages::Announcement> announcement;
        std::optional<messages::Message> message;
        bool unread() const { return announcement ? announcement->unread() : message->unread(); }
    };

    void reload();
    void show(long row);
    void markRead(long row);
    void markAllRead();
    void addReminder();
    long selectedRow() const;
    // Tells the status bar (and anyone listening) the new unread count.
    void announceChange();

    Runtime& runtime_;
    std::vector<Entry> entries_;
    wxListCtrl* list_;
    wxTextCtrl* body_;
    wxButton* markRead_;
    wxButton* remind_;
    plugin::EventBus::Subscription changed_;
};

// Adds "Message box" to the navigation (shell contribution) and its widget.
void registerMessageBox(plugin::Registry& registry, ui::UiRegistry& widgets, Runtime& runtime);

// Unread messages plus current, unread announcements of the signed-in person.
long long unreadTotal(Runtime& runtime);

}  // namespace tiller::gui
