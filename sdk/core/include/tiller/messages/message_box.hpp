// The signed-in person's message box (消息盒子): their messages newest first, how many are
// unread, and marking them read. Only the person's own messages are ever shown or changed.
#pragma once

#include <tiller/clock.hpp>
#include <tiller/messages/message.hpp>
#include <tiller/plugin/host.hpp>

#include <vector>

namespace tiller::messages {

class MessageBox {
public:
    MessageBox(plugin::Host& host, const Clock& clock) : host_(host), clock_(clock) {}

    // Newest first. Empty when nobody is signed in.
    std::vector<Message> messages(bool unreadOnly = false);
    long long unreadCount();
    // NotFound unless the message is the signed-in person's. Reading it twice keeps the first time.
    void markRead(long long messageId);
    long long markAllRead();  // how many were unread

    // Puts a message into someone's box inside the caller's transaction; returns its id.
    static long long deliver(soci::session& session, const NewMessage& message, long long now);

private:
    long long me() const;  // the signed-in person; PermissionDenied when nobody is

    plugin::Host& host_;
    const Clock& clock_;
};

}  // namespace tiller::messages
