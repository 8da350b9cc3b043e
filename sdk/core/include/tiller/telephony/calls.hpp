// What a phone system reports, whatever it is: a SIP softphone (the dialer plugin, on
// liblinphone) or, later, a Windows desk phone through TAPI (docs/telephony.md maps one onto
// the other). No wx and no liblinphone here: plugins, the call log and tests use these types.
#pragma once

#include <tiller/errors.hpp>

#include <optional>
#include <string>

namespace tiller::telephony {

// A phone action that cannot be done now, with the reason in the user's words.
struct Refused : Error {
    using Error::Error;
};

enum class Direction { incoming, outgoing };

// How a call ended, as the call log (通话记录, SPEC §7.4) shows it.
enum class CallResult {
    answered,     // talked, then someone hung up
    missed,       // incoming, never answered (the caller gave up, or no one picked up)
    rejected,     // incoming, refused by the agent (置忙 also rejects with "busy")
    busy,         // outgoing, the other side was busy (486/600)
    noAnswer,     // outgoing, rang until our setup timeout or theirs
    cancelled,    // outgoing, hung up by us before an answer
    failed,       // could not be set up: unreachable, refused, bad number, network
    transferred,  // answered, then handed on to someone else
};
const char* toString(CallResult result);                // "answered", "no_answer" ...
std::optional<CallResult> callResultFrom(const std::string& text);

// The agent's own state (SPEC §7.1, 置闲/置忙/小休); being on a call is the phone's, not this.
enum class AgentState { idle, busy, onBreak };
const char* toString(AgentState state);  // "idle", "busy", "break"
std::optional<AgentState> agentStateFrom(const std::string& text);

enum class Registration { none, inProgress, ok, failed, cleared };
const char* toString(Registration state);

struct CallEvent {
    enum class Kind {
        incoming,     // a call arrived: remoteNumber / remoteName are the caller ID
        ringing,      // an outgoing call rings at the far end (180/183)
        answered,     // talking
        held,         // on hold (by us or by them)
        resumed,      // back from hold
        transferred,  // handed on (blind, or attended when the consultation completes)
        conferenced,  // joined with the agent's other call (three-way)
        ended,        // over: result, ringMs and talkMs are set
    };
    Kind kind = Kind::incoming;
    std::string callId;       // the provider's id, stable for the whole call
    Direction direction = Direction::incoming;
    std::string remoteNumber;  // as the network gave it ("+8613800138000", "anonymous", "")
    std::string remoteName;    // display name, may be empty
    std::string account;       // which of the agent's accounts (SIP identity or TAPI line)
    long long atMs = 0;        // UTC epoch ms of this event
    // kind == ended:
    CallResult result = CallResult::failed;
    std::string reason;        // the network's words ("Busy Here", "Request Timeout", ...)
    long long startedAtMs = 0;
    long long ringMs = 0;      // from the start to the answer (or the end when not answered)
    long long talkMs = 0;      // from the answer to the end, 0 when not answered
    // kind == transferred: to whom
    std::string transferTarget;
};

struct RegistrationEvent {
    std::string account;
    Registration state = Registration::none;
    std::string reason;  // "Unauthorized", "Request Timeout", ... when failed
    long long atMs = 0;
};

}  // namespace tiller::telephony
