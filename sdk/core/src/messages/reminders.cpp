#include <tiller/messages/reminders.hpp>

#include <tiller/db/row.hpp>
#include <tiller/db/transaction.hpp>
#include <tiller/errors.hpp>
#include <tiller/messages/message_box.hpp>

namespace tiller::messages {
namespace {

const char* kSelect =
    "SELECT r.id, r.entity, r.record_id, r.user_id, COALESCE(u.name, ''), r.due_at, r.note, r.created_by, r.fired_at "
    "FROM core_reminder r LEFT JOIN core_user u ON u.id = r.user_id";

Reminder readReminder(const soci::row& r) {
    Reminder out;
    out.id = db::integerAt(r, 0);
    out.entity = db::textAt(r, 1);
    out.recordId = db::integerAt(r, 2);
    out.userId = db::integerAt(r, 3);
    out.userName = db::textAt(r, 4);
    out.dueAt = db::integerAt(r, 5);
    out.note = db::textAt(r, 6);
    out.createdBy = db::optionalIntegerAt(r, 7);
    out.firedAt = db::optionalIntegerAt(r, 8);
    return out;
}

bool blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

// The message's title: the note's first line.
std::string firstLine(const std::string& note) {
    auto start = note.find_first_not_of(" \t\r\n");
    auto end = note.find_first_of("\r\n", start);
    return note.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace

long long Reminders::add(const NewReminder& r) {
    if (blank(r.entity)) throw ValidationError("entity", "say which kind of record the reminder is about");
    if (r.recordId <= 0) throw ValidationError("record", "say which record the reminder is about");
    if (r.dueAt <= 0) throw ValidationError("time", "say when to remind");
    if (blank(r.note)) throw ValidationError("note", "a reminder needs a note saying what to do");
    auto person = r.userId ? r.userId : host_.actingUser();
    if (!person) throw ValidationError("person", "say whom to remind");
    // A record outside the signed-in person's data scope is not theirs to set reminders on.
    for (const auto& owned : host_.registry().ownedTables())
        if (owned.entity == r.entity && !host_.canSee(owned.table, r.recordId))
            throw PermissionDenied("you cannot see " + r.entity + " " + std::to_string(r.recordId));
    auto creator = host_.actingUser();
    long long now = clock_.nowMs();
    NewReminder toStore = r;
    toStore.userId = person;
    return host_.database().inTransaction([&](soci::session& s) { return addIn(s, toStore, creator, now); });
}

long long Reminders::addIn(soci::session& s, const NewReminder& r, std::optional<long long> creator, long long now) {
    if (!r.userId) throw ValidationError("person", "say whom to remind");
    long long person = *r.userId;
    int active = 0;
    std::string login;
    s << "SELECT active, login FROM core_user WHERE id = :id", soci::use(person), soci::into(active), soci::into(login);
    if (!s.got_data()) throw ValidationError("person", "there is no user " + std::to_string(person));
    if (!active) throw ValidationError("person", "'" + login + "' is disabled");
    long long id = 0, createdBy = creator.value_or(0);
    soci::indicator creatorInd = creator ? soci::i_ok : soci::i_null;
    s << "INSERT INTO core_reminder (entity, record_id, user_id, due_at, note, created_by, created_at) "
         "VALUES (:e, :r, :u, :d, :n, :c, :t) RETURNING id",
        soci::use(r.entity), soci::use(r.recordId), soci::use(person), soci::use(r.dueAt), soci::use(r.note),
        soci::use(createdBy, creatorInd), soci::use(now), soci::into(id);
    return id;
}

void Reminders::cancel(long long reminderId) {
    auto user = host_.actingUser();
    host_.database().inTransaction([&](soci::session& s) {
        soci::row row;
        s << std::string(kSelect) + " WHERE r.id = :id", soci::use(reminderId), soci::into(row);
        if (!s.got_data()) throw NotFound("there is no reminder " + std::to_string(reminderId));
        Reminder r = readReminder(row);
        if (!user || (*user != r.userId && r.createdBy != user))
            throw PermissionDenied("only the person reminded or who set the reminder may cancel it");
        if (r.firedAt) throw ValidationError("reminder", "it has already fired");
        soci::statement st = (s.prepare << "DELETE FROM core_reminder WHERE id = :id AND fired_at IS NULL",
                              soci::use(reminderId));
        st.execute(true);
        if (st.get_affected_rows() != 1) throw Conflict("the reminder fired while it was being cancelled");
    });
}

std::vector<Reminder> Reminders::mine(bool includeFired) {
    auto user = host_.actingUser();
    if (!user) return {};
    return host_.database().withSession([&](soci::session& s) {
        std::string sql = std::string(kSelect) + " WHERE r.user_id = :u";
        if (!includeFired) sql += " AND r.fired_at IS NULL";
        std::vector<Reminder> out;
        soci::rowset<soci::row> rows = (s.prepare << sql + " ORDER BY r.due_at, r.id", soci::use(*user));
        for (const auto& r : rows) out.push_back(readReminder(r));
        return out;
    });
}

std::vector<FiredReminder> Reminders::fireDue(std::optional<long long> onlyFor) {
    long long now = clock_.nowMs();
    return host_.database().withSession([&](soci::session& s) {
        // SQLite: take the write lock first, so the due list cannot go stale before the updates.
        db::Transaction transaction(s, db::Transaction::Mode::immediate);
        std::vector<Reminder> due;
        std::string sql = std::string(kSelect) + " WHERE r.fired_at IS NULL AND r.due_at <= :now";
        if (onlyFor) {
            soci::rowset<soci::row> rows =
                (s.prepare << sql + " AND r.user_id = :u ORDER BY r.due_at, r.id", soci::use(now), soci::use(*onlyFor));
            for (const auto& r : rows) due.push_back(readReminder(r));
        } else {
            soci::rowset<soci::row> rows = (s.prepare << sql + " ORDER BY r.due_at, r.id", soci::use(now));
            for (const auto& r : rows) due.push_back(readReminder(r));
        }
        std::vector<FiredReminder> fired;
        for (auto& r : due) {
            // Another program may have fired it since the SELECT (PostgreSQL): the conditional
            // UPDATE waits for that one and then changes nothing, so no second message is made.
            soci::statement st = (s.prepare << "UPDATE core_reminder SET fired_at = :t WHERE id = :id AND fired_at IS NULL",
                                  soci::use(now), soci::use(r.id));
            st.execute(true);
            if (st.get_affected_rows() != 1) continue;
            r.firedAt = now;
            NewMessage m{r.userId, Kind::reminder, firstLine(r.note), r.note, r.entity, r.recordId, r.id};
            fired.push_back({r, MessageBox::deliver(s, m, now)});
        }
        transaction.commit();
        return fired;
    });
}

}  // namespace tiller::messages
