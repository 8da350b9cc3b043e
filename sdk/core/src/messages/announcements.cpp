#include <tiller/messages/announcements.hpp>

#include <tiller/db/row.hpp>
#include <tiller/errors.hpp>

#include <algorithm>
#include <set>

namespace tiller::messages {
namespace {

constexpr long long kDayMs = 24LL * 60 * 60 * 1000;

std::optional<Audience> parseAudience(std::string_view text) {
    for (Audience a : {Audience::everyone, Audience::role, Audience::department})
        if (audienceName(a) == text) return a;
    return std::nullopt;
}

bool blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

// Who the person is for an audience: their roles, and their department with every one above it.
struct Reader {
    long long userId = 0;
    std::set<std::string> roles;
    std::set<long long> departments;

    bool addressedBy(const Announcement& a) const {
        switch (a.audience) {
            case Audience::everyone: return true;
            case Audience::role: return roles.count(a.roleKey) > 0;
            case Audience::department: return a.departmentId && departments.count(*a.departmentId) > 0;
        }
        return false;
    }
};

Reader loadReader(soci::session& s, long long userId) {
    Reader reader;
    reader.userId = userId;
    soci::rowset<std::string> roles = (s.prepare << "SELECT r.role_key FROM core_user_role ur "
                                                    "JOIN core_role r ON r.id = ur.role_id WHERE ur.user_id = :u",
                                       soci::use(userId));
    for (const auto& key : roles) reader.roles.insert(key);
    long long department = 0;
    soci::indicator ind = soci::i_null;
    s << "SELECT department_id FROM core_user WHERE id = :u", soci::use(userId), soci::into(department, ind);
    // Walk up the tree; the bound guards against a cycle someone made by hand.
    for (int depth = 0; s.got_data() && ind == soci::i_ok && depth < 64; ++depth) {
        if (!reader.departments.insert(department).second) break;
        long long parent = 0;
        s << "SELECT parent_id FROM core_department WHERE id = :d", soci::use(department), soci::into(parent, ind);
        department = parent;
    }
    return reader;
}

}  // namespace

std::string_view audienceName(Audience audience) {
    switch (audience) {
        case Audience::everyone: return "everyone";
        case Audience::role: return "role";
        case Audience::department: return "department";
    }
    return "everyone";
}

long long Announcements::publish(const NewAnnouncement& a) {
    host_.require(kAnnouncePermission);
    if (blank(a.title)) throw ValidationError("title", "an announcement needs a title");
    long long now = clock_.nowMs();
    long long starts = a.startsAt.value_or(now);
    long long ends = a.endsAt.value_or(starts + kDefaultDays * kDayMs);
    if (ends <= starts) throw ValidationError("until", "the end of the announcement must come after its start");
    if (a.audience == Audience::role && blank(a.roleKey)) throw ValidationError("role", "say which role it is for");
    if (a.audience == Audience::department && !a.departmentId)
        throw ValidationError("department", "say which department it is for");
    auto author = host_.actingUser();
    return host_.database().inTransaction([&](soci::session& s) {
        int n = 0;
        if (a.audience == Audience::role) {
            s << "SELECT COUNT(*) FROM core_role WHERE role_key = :k", soci::use(a.roleKey), soci::into(n);
            if (n == 0) throw ValidationError("role", "there is no role '" + a.roleKey + "'");
        }
        if (a.audience == Audience::department) {
            s << "SELECT COUNT(*) FROM core_department WHERE id = :d", soci::use(*a.departmentId), soci::into(n);
            if (n == 0) throw ValidationError("department", "there is no department " + std::to_string(*a.departmentId));
        }
        std::string audience(audienceName(a.audience));
        std::string role = a.audience == Audience::role ? a.roleKey : "";
        long long department = a.audience == Audience::department ? *a.departmentId : 0, createdBy = author.value_or(0);
        soci::indicator roleInd = role.empty() ? soci::i_null : soci::i_ok;
        soci::indicator departmentInd = a.audience == Audience::department ? soci::i_ok : soci::i_null;
        soci::indicator authorInd = author ? soci::i_ok : soci::i_null;
        long long id = 0;
        s << "INSERT INTO core_announcement (title, body, audience, role_key, department_id, starts_at, ends_at, "
             "created_by, created_at) VALUES (:t, :b, :a, :r, :d, :s, :e, :c, :at) RETURNING id",
            soci::use(a.title), soci::use(a.body), soci::use(audience), soci::use(role, roleInd),
            soci::use(department, departmentInd), soci::use(starts), soci::use(ends), soci::use(createdBy, authorInd),
            soci::use(now), soci::into(id);
        return id;
    });
}

std::vector<Announcement> Announcements::visible() {
    auto user = host_.actingUser();
    if (!user) return {};
    long long now = clock_.nowMs();
    return host_.database().withSession([&](soci::session& s) {
        Reader reader = loadReader(s, *user);
        std::vector<Announcement> out;
        soci::rowset<soci::row> rows =
            (s.prepare << "SELECT a.id, a.title, a.body, a.audience, a.role_key, a.department_id, a.starts_at, "
                          "a.ends_at, a.created_by, COALESCE(u.name, ''), rd.read_at FROM core_announcement a "
                          "LEFT JOIN core_user u ON u.id = a.created_by "
                          "LEFT JOIN core_announcement_read rd ON rd.announcement_id = a.id AND rd.user_id = :u "
                          "WHERE a.starts_at <= :now AND a.ends_at > :now2 ORDER BY a.starts_at DESC, a.id DESC",
             soci::use(*user), soci::use(now), soci::use(now));
        for (const auto& r : rows) {
            Announcement a;
            a.id = db::integerAt(r, 0);
            a.title = db::textAt(r, 1);
            a.body = db::textAt(r, 2);
            a.audience = parseAudience(db::textAt(r, 3)).value_or(Audience::everyone);
            a.roleKey = db::textAt(r, 4);
            a.departmentId = db::optionalIntegerAt(r, 5);
            a.startsAt = db::integerAt(r, 6);
            a.endsAt = db::integerAt(r, 7);
            a.createdBy = db::optionalIntegerAt(r, 8);
            a.createdByName = db::textAt(r, 9);
            a.readAt = db::optionalIntegerAt(r, 10);
            if (reader.addressedBy(a)) out.push_back(std::move(a));
        }
        return out;
    });
}

long long Announcements::unreadCount() {
    auto all = visible();
    return std::count_if(all.begin(), all.end(), [](const Announcement& a) { return a.unread(); });
}

void Announcements::markRead(long long announcementId) {
    auto all = visible();
    auto it = std::find_if(all.begin(), all.end(), [&](const Announcement& a) { return a.id == announcementId; });
    if (it == all.end()) throw NotFound("there is no current announcement " + std::to_string(announcementId) + " for you");
    if (it->unread()) remember({announcementId});
}

long long Announcements::markAllRead() {
    std::vector<long long> unread;
    for (const auto& a : visible())
        if (a.unread()) unread.push_back(a.id);
    remember(unread);
    return static_cast<long long>(unread.size());
}

void Announcements::remember(const std::vector<long long>& read) {
    if (read.empty()) return;
    long long now = clock_.nowMs(), user = *host_.actingUser();
    host_.database().inTransaction([&](soci::session& s) {
        // Two windows of one person may mark the same announcement at once: the first one counts.
        for (long long id : read)
            s << "INSERT INTO core_announcement_read (announcement_id, user_id, read_at) VALUES (:a, :u, :t) "
                 "ON CONFLICT DO NOTHING",
                soci::use(id), soci::use(user), soci::use(now);
    });
}

}  // namespace tiller::messages
