#include <tiller/db/row.hpp>
#include <tiller/log/log.hpp>
#include <tiller/mail/mail.hpp>
#include <tiller/util/join.hpp>

#include <algorithm>
#include <limits>
#include <sstream>

namespace tiller::mail {
namespace {

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, ',');)
        if (!item.empty()) out.push_back(item);
    return out;
}

}  // namespace

long long Queue::enqueue(const Message& message, std::optional<long long> createdBy) {
    if (message.to.empty()) throw ValidationError("to", "give at least one recipient");
    for (const auto& r : message.to)
        if (r.find('@') == std::string::npos || r.find(',') != std::string::npos)
            throw ValidationError("to", "'" + r + "' is not an email address");
    long long now = clock_.nowMs();
    return database_.withSession([&](soci::session& s) {
        long long id = 0;
        std::string to = util::join(message.to, ",");
        long long by = createdBy.value_or(0);
        soci::indicator byInd = createdBy ? soci::i_ok : soci::i_null;
        s << "INSERT INTO core_mail_queue (recipients, subject, body, created_at, created_by, next_attempt_at) "
             "VALUES (:to, :subject, :body, :now, :by, :due) RETURNING id",
            soci::use(to), soci::use(message.subject), soci::use(message.body), soci::use(now), soci::use(by, byInd),
            soci::use(now), soci::into(id);
        return id;
    });
}

Delivery Queue::deliverDue(const SmtpSettings& settings, bool evenIfNotDue) {
    Delivery report;
    long long now = clock_.nowMs();
    long long horizon = evenIfNotDue ? std::numeric_limits<long long>::max() : now;
    struct Due {
        long long id;
        Message message;
        int attempts;
    };
    auto due = database_.withSession([&](soci::session& s) {
        std::vector<Due> list;
        soci::rowset<soci::row> rows =
            (s.prepare << "SELECT id, recipients, subject, body, attempts FROM core_mail_queue "
                          "WHERE state = 'queued' AND next_attempt_at <= :now ORDER BY id",
             soci::use(horizon));
        for (const auto& r : rows)
            list.push_back({db::integerAt(r, 0), {split(db::textAt(r, 1)), db::textAt(r, 2), db::textAt(r, 3)},
                            static_cast<int>(db::integerAt(r, 4))});
        return list;
    });
    for (const auto& d : due) {
        std::string state = "sent", error;
        long long next = now;
        try {
            send(settings, d.message, now);
            ++report.sent;
        } catch (const MailRefused& e) {
            state = "refused";
            error = e.what();
            ++report.refused;
        } catch (const Error& e) {  // unavailable, or settings missing: keep it for later
            state = "queued";
            error = e.what();
            long long minutes = std::min<long long>(60, 1LL << std::min(d.attempts, 6));
            next = now + minutes * 60'000;
            ++report.postponed;
        }
        if (!error.empty()) log::warning("mail " + std::to_string(d.id) + ": " + error);
        int attempts = d.attempts + 1;
        soci::indicator sentInd = state == "sent" ? soci::i_ok : soci::i_null;
        database_.withSession([&](soci::session& s) {
            s << "UPDATE core_mail_queue SET state = :state, attempts = :attempts, last_error = :error, "
                 "next_attempt_at = :next, sent_at = :sent WHERE id = :id",
                soci::use(state), soci::use(attempts), soci::use(error), soci::use(next), soci::use(now, sentInd),
                soci::use(d.id);
        });
    }
    return report;
}

std::vector<Queued> Queue::list() const {
    return database_.withSession([](soci::session& s) {
        std::vector<Queued> out;
        soci::rowset<soci::row> rows =
            (s.prepare << "SELECT id, recipients, subject, state, attempts, last_error, next_attempt_at "
                          "FROM core_mail_queue ORDER BY id");
        for (const auto& r : rows)
            out.push_back({db::integerAt(r, 0), split(db::textAt(r, 1)), db::textAt(r, 2), db::textAt(r, 3),
                           static_cast<int>(db::integerAt(r, 4)), db::textAt(r, 5), db::integerAt(r, 6)});
        return out;
    });
}

}  // namespace tiller::mail
