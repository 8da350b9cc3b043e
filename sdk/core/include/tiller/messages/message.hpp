// What lands in a person's message box (消息盒子, SPEC §1.6): value types shared by the
// message box, reminders and announcements.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tiller::messages {

enum class Kind { reminder, announcement, system };
std::string_view kindName(Kind kind);  // "reminder", "announcement", "system"
std::optional<Kind> parseKind(std::string_view text);

struct Message {
    long long id = 0;
    long long userId = 0;
    Kind kind = Kind::system;
    std::string title, body;
    std::string entity;                 // "" when the message is about no record
    std::optional<long long> recordId;
    long long createdAt = 0;            // UTC epoch milliseconds
    std::optional<long long> readAt;
    bool unread() const { return !readAt; }
};

// A message to put into someone's box.
struct NewMessage {
    long long userId = 0;
    Kind kind = Kind::system;
    std::string title, body;
    std::string entity;
    std::optional<long long> recordId;
    std::optional<long long> reminderId;  // the reminder it comes from: at most one message each
};

}  // namespace tiller::messages
