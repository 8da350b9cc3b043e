#include "core/call_log.hpp"
#include "core/dialer_text.hpp"

#include <tiller/db/row.hpp>
#include <tiller/messages/message_box.hpp>

namespace dialer {
namespace {

using tiller::telephony::CallResult;
using tiller::telephony::Direction;

// Who the other side is, in a message: the record's name, else the number, else "unknown".
std::string whoCalled(const tiller::telephony::Caller& caller, const tiller::telephony::CallEvent& call) {
    std::string number = caller.number.empty() ? call.remoteNumber : caller.number;
    if (caller.known) return caller.name + (number.empty() ? "" : " (" + number + ")");
    if (!number.empty() && !caller.anonymous) return number;
    return tr("a withheld number");
}

}  // namespace

long long CallLog::record(const tiller::telephony::CallEvent& ended, const tiller::telephony::Caller& caller,
                          std::optional<long long> agentId, const std::string& recording) {
    std::string direction = ended.direction == Direction::incoming ? "incoming" : "outgoing";
    std::string result = tiller::telephony::toString(ended.result);
    std::string lookupKey = caller.e164.empty() ? std::string() : caller.e164.substr(1);
    soci::indicator agentNull = agentId ? soci::i_ok : soci::i_null;
    long long agent = agentId.value_or(0);
    soci::indicator recordNull = caller.known ? soci::i_ok : soci::i_null;
    std::string entity = caller.entity;
    long long recordId = caller.recordId;
    long long started = ended.startedAtMs ? ended.startedAtMs : ended.atMs;
    bool answered = ended.talkMs > 0 || ended.result == CallResult::answered || ended.result == CallResult::transferred;
    long long answeredAt = started + ended.ringMs;
    soci::indicator answeredNull = answered ? soci::i_ok : soci::i_null;
    soci::indicator recordingNull = recording.empty() ? soci::i_null : soci::i_ok;
    return database_.inTransaction([&](soci::session& s) {
        long long id = 0;
        s << "INSERT INTO dialer_call (call_id, direction, account, agent_id, remote_number, remote_name, lookup_key, entity, "
             "record_id, started_at, answered_at, ended_at, ring_ms, talk_ms, result, reason, transfer_target, recording) "
             "VALUES (:call, :dir, :acc, :agent, :num, :name, :key, :entity, :rec, :start, :ans, :end, :ring, :talk, :result, "
             ":reason, :target, :recording) RETURNING id",
            soci::use(ended.callId), soci::use(direction), soci::use(ended.account), soci::use(agent, agentNull),
            soci::use(ended.remoteNumber), soci::use(ended.remoteName), soci::use(lookupKey), soci::use(entity, recordNull),
            soci::use(recordId, recordNull), soci::use(started), soci::use(answeredAt, answeredNull), soci::use(ended.atMs),
            soci::use(ended.ringMs), soci::use(ended.talkMs), soci::use(result), soci::use(ended.reason),
            soci::use(ended.transferTarget), soci::use(recording, recordingNull), soci::into(id);
        if (agentId && ended.direction == Direction::incoming && ended.result == CallResult::missed) {
            tiller::messages::NewMessage missed;
            missed.userId = *agentId;
            missed.kind = tiller::messages::Kind::system;
            missed.title = tr("Missed call from {1}", {whoCalled(caller, ended)});
            missed.body = tr("It rang for {1} at {2}.", {clockText(ended.ringMs), ended.account});
            if (caller.known) {
                missed.entity = caller.entity;
                missed.recordId = caller.recordId;
            }
            tiller::messages::MessageBox::deliver(s, missed, ended.atMs);
        }
        return id;
    });
}

std::vector<LoggedCall> CallLog::select(const std::string& where, const std::function<void(soci::details::prepare_temp_type&)>& bind, int limit) {
    return database_.withSession([&](soci::session& s) {
        std::vector<LoggedCall> out;
        soci::row r;
        auto prepared = (s.prepare << "SELECT c.id, c.call_id, c.direction, c.account, c.agent_id, "
                                           "COALESCE(NULLIF(u.name, ''), u.login, ''), c.remote_number, c.remote_name, "
                                           "COALESCE(c.entity, ''), c.record_id, c.started_at, c.answered_at, c.ended_at, "
                                           "c.ring_ms, c.talk_ms, c.result, c.reason, c.transfer_target, COALESCE(c.recording, '') "
                                           "FROM dialer_call c LEFT JOIN core_user u ON u.id = c.agent_id " +
                                               where + " ORDER BY c.started_at DESC, c.id DESC LIMIT " + std::to_string(limit));
        prepared, soci::into(r);
        bind(prepared);
        soci::statement st(prepared);
        st.execute();
        while (st.fetch()) {
            LoggedCall c;
            c.id = tiller::db::integerAt(r, 0);
            c.callId = tiller::db::textAt(r, 1);
            c.direction = tiller::db::textAt(r, 2) == "outgoing" ? Direction::outgoing : Direction::incoming;
            c.account = tiller::db::textAt(r, 3);
            c.agentId = tiller::db::optionalIntegerAt(r, 4);
            c.agentName = tiller::db::textAt(r, 5);
            c.remoteNumber = tiller::db::textAt(r, 6);
            c.remoteName = tiller::db::textAt(r, 7);
            c.entity = tiller::db::textAt(r, 8);
            c.recordId = tiller::db::optionalIntegerAt(r, 9);
            c.startedAt = tiller::db::integerAt(r, 10);
            c.answeredAt = tiller::db::optionalIntegerAt(r, 11);
            c.endedAt = tiller::db::integerAt(r, 12);
            c.ringMs = tiller::db::integerAt(r, 13);
            c.talkMs = tiller::db::integerAt(r, 14);
            c.result = tiller::telephony::callResultFrom(tiller::db::textAt(r, 15)).value_or(CallResult::failed);
            c.reason = tiller::db::textAt(r, 16);
            c.transferTarget = tiller::db::textAt(r, 17);
            c.recording = tiller::db::textAt(r, 18);
            out.push_back(std::move(c));
        }
        return out;
    });
}

std::vector<LoggedCall> CallLog::ofRecord(const std::string& entity, long long recordId, int limit) {
    return select("WHERE c.entity = :e AND c.record_id = :r",
                  [&](soci::details::prepare_temp_type& p) { p, soci::use(entity), soci::use(recordId); },
                  limit);
}

std::vector<LoggedCall> CallLog::recent(int limit) {
    return select("", [](soci::details::prepare_temp_type&) {}, limit);
}

std::optional<LoggedCall> CallLog::byId(long long id) {
    auto rows = select("WHERE c.id = :id", [&](soci::details::prepare_temp_type& p) { p, soci::use(id); }, 1);
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

}  // namespace dialer
