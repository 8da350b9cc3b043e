// The call log (通话记录, SPEC §7.4): a row per ended call with its times, result and the record
// the number belonged to; the customer's 360° view, the screen pop ("last calls") and tiller-cli
// read it. A missed incoming call also lands in the agent's message box.
#pragma once

#include <tiller/db/database.hpp>
#include <tiller/telephony/caller.hpp>
#include <tiller/telephony/calls.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace dialer {

struct LoggedCall {
    long long id = 0;
    std::string callId;
    tiller::telephony::Direction direction = tiller::telephony::Direction::incoming;
    std::string account;
    std::optional<long long> agentId;
    std::string agentName;
    std::string remoteNumber, remoteName;
    std::string entity;
    std::optional<long long> recordId;
    long long startedAt = 0, endedAt = 0;
    std::optional<long long> answeredAt;
    long long ringMs = 0, talkMs = 0;
    tiller::telephony::CallResult result = tiller::telephony::CallResult::failed;
    std::string reason, transferTarget, recording;
};

class CallLog {
public:
    explicit CallLog(tiller::db::Database& database) : database_(database) {}

    // Writes the ended call (`ended.kind` must be ended) for `agentId`, linked to the caller's
    // record when known; a missed incoming call also sends the agent a message. Returns the id.
    long long record(const tiller::telephony::CallEvent& ended, const tiller::telephony::Caller& caller,
                     std::optional<long long> agentId, const std::string& recording = {});

    // The newest first.
    std::vector<LoggedCall> ofRecord(const std::string& entity, long long recordId, int limit = 50);
    std::vector<LoggedCall> recent(int limit = 50);
    std::optional<LoggedCall> byId(long long id);

private:
    std::vector<LoggedCall> select(const std::string& where, const std::function<void(soci::details::prepare_temp_type&)>& bind, int limit);
    tiller::db::Database& database_;
};

}  // namespace dialer
