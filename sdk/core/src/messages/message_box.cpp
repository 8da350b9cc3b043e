#include <tiller/messages/message_box.hpp>

#include <tiller/db/row.hpp>
#include <tiller/errors.hpp>

namespace tiller::messages {

std::string_view kindName(Kind kind) {
    switch (kind) {
        case Kind::reminder: return "reminder";
        case Kind::announcement: return "announcement";
        case Kind::system: return "system";
    }
    return "system";
}

std::optional<Kind> parseKind(std::string_view text) {
    for (Kind k : {Kind::reminder, Kind::announcement, Kind::system})
        if (kindName(k) == text) return k;
    return std::nullopt;
}

long long MessageBox::me() const {
    auto user = host_.actingUser();
    if (!user) throw PermissionDenied("sign in first: the message box belongs to a person");
    return *user;
}

std::vector<Message> MessageBox::messages(bool unreadOnly) {
    auto user = host_.actingUser();
    if (!user) return {};
    return host_.database().withSession([&](soci::session& s) {
        std::vector<Message> out;
        std::string sql =
            "SELECT id, user_id, kind, title, body, entity, record_id, created_at, read_at FROM core_message "
            "WHERE user_id = :u";
        if (unreadOnly) sql += " AND read_at IS NULL";
        soci::rowset<soci::row> rows = (s.prepare << sql + " ORDER BY created_at DESC, id DESC", soci::use(*user));
        for (const auto& r : rows) {
            Message m;
            m.id = db::integerAt(r, 0);
            m.userId = db::integerAt(r, 1);
            m.kind = parseKind(db::textAt(r, 2)).value_or(Kind::system);
            m.title = db::textAt(r, 3);
            m.body = db::textAt(r, 4);
            m.entity = db::textAt(r, 5);
            m.recordId = db::optionalIntegerAt(r, 6);
            m.createdAt = db::integerAt(r, 7);
            m.readAt = db::optionalIntegerAt(r, 8);
            out.push_back(std::move(m));
        }
        return out;
    });
}

long long MessageBox::unreadCount() {
    auto user = host_.actingUser();
    if (!user) return 0;
    return host_.database().withSession([&](soci::session& s) {
        long long n = 0;
        s << "SELECT COUNT(*) FROM core_message WHERE user_id = :u AND read_at IS NULL", soci::use(*user),
            soci::into(n);
        return n;
    });
}

void MessageBox::markRead(long long messageId) {
    long long user = me();
    long long now = clock_.nowMs();
    host_.database().withSession([&](soci::session& s) {
        int mine = 0;
        s << "SELECT COUNT(*) FROM core_message WHERE id = :id AND user_id = :u", soci::use(messageId),
            soci::use(user), soci::into(mine);
        if (mine == 0) throw NotFound("you have no message " + std::to_string(messageId));
        s << "UPDATE core_message SET read_at = :t WHERE id = :id AND read_at IS NULL", soci::use(now),
            soci::use(messageId);
    });
}

long long MessageBox::markAllRead() {
    long long user = me();
    long long now = clock_.nowMs();
    return host_.database().withSession([&](soci::session& s) {
        soci::statement st = (s.prepare << "UPDATE core_message SET read_at = :t WHERE user_id = :u AND read_at IS NULL",
                              soci::use(now), soci::use(user));
        st.execute(true);
        return static_cast<long long>(st.get_affected_rows());
    });
}

long long MessageBox::deliver(soci::session& s, const NewMessage& m, long long now) {
    long long id = 0, record = m.recordId.value_or(0), reminder = m.reminderId.value_or(0);
    soci::indicator recordInd = m.recordId ? soci::i_ok : soci::i_null;
    soci::indicator reminderInd = m.reminderId ? soci::i_ok : soci::i_null;
    soci::indicator entityInd = m.entity.empty() ? soci::i_null : soci::i_ok;
    std::string kind(kindName(m.kind));
    s << "INSERT INTO core_message (user_id, kind, title, body, entity, record_id, reminder_id, created_at) "
         "VALUES (:u, :k, :t, :b, :e, :r, :rem, :c) RETURNING id",
        soci::use(m.userId), soci::use(kind), soci::use(m.title), soci::use(m.body), soci::use(m.entity, entityInd),
        soci::use(record, recordInd), soci::use(reminder, reminderInd), soci::use(now), soci::into(id);
    return id;
}

}  // namespace tiller::messages
