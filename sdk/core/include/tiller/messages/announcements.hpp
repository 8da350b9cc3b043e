// Announcements (公告通知): a title and a body for everyone, one role or one department (with
// the departments below it), shown only between a start and an end time. Publishing needs the
// messages.announce permission; each person's read state is kept.
#pragma once

#include <tiller/clock.hpp>
#include <tiller/plugin/host.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tiller::messages {

// The permission to publish announcements.
inline constexpr const char* kAnnouncePermission = "messages.announce";

enum class Audience { everyone, role, department };
std::string_view audienceName(Audience audience);

struct Announcement {
    long long id = 0;
    std::string title, body;
    Audience audience = Audience::everyone;
    std::string roleKey;                     // audience == role
    std::optional<long long> departmentId;   // audience == department
    long long startsAt = 0, endsAt = 0;      // UTC epoch milliseconds; shown while startsAt <= now < endsAt
    std::optional<long long> createdBy;
    std::string createdByName;
    std::optional<long long> readAt;         // by the signed-in person
    bool unread() const { return !readAt; }
};

struct NewAnnouncement {
    std::string title, body;
    Audience audience = Audience::everyone;
    std::string roleKey;
    std::optional<long long> departmentId;
    std::optional<long long> startsAt;  // now when empty
    std::optional<long long> endsAt;    // kDefaultDays after the start when empty
};

class Announcements {
public:
    static constexpr int kDefaultDays = 30;

    Announcements(plugin::Host& host, const Clock& clock) : host_(host), clock_(clock) {}

    // PermissionDenied without messages.announce; ValidationError (nothing stored) for an empty
    // title, an end not after the start, or an unknown role or department.
    long long publish(const NewAnnouncement& announcement);
    // What the signed-in person may see now, newest start first, with their read state.
    std::vector<Announcement> visible();
    long long unreadCount();
    // NotFound unless the announcement is visible to the signed-in person now.
    void markRead(long long announcementId);
    long long markAllRead();

private:
    void remember(const std::vector<long long>& read);  // as read by the signed-in person, now

    plugin::Host& host_;
    const Clock& clock_;
};

}  // namespace tiller::messages
