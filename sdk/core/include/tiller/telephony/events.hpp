// Telephony events on the host's EventBus (tiller/plugin/events.hpp): published by the dialer,
// heard by any plugin (a tickets plugin may open a ticket form on an answered call).
#pragma once

#include <tiller/telephony/caller.hpp>
#include <tiller/telephony/calls.hpp>

#include <optional>
#include <string>

namespace tiller::telephony {

// A call arrived and is ringing; `caller` is the lookup's answer (done before this is sent).
struct IncomingCall {
    static constexpr const char* kEventId = "tiller.IncomingCall";
    std::string callId;
    std::string number;  // as the network gave it
    std::string name;    // the caller's display name, may be empty
    Caller caller;
    long long atMs = 0;
};

// A call is over and in the call log.
struct CallEnded {
    static constexpr const char* kEventId = "tiller.CallEnded";
    CallEvent call;
    long long logId = 0;  // dialer_call.id
    Caller caller;
};

}  // namespace tiller::telephony
