// The telephony service the dialer plugin provides ("tiller.Telephony/1", SPEC §7.3): forms and
// lists offer click-to-dial on phone fields when it is there. Tiller runs without it: ask the
// host for the service and show no call button when it is absent.
#pragma once

#include <tiller/telephony/calls.hpp>

#include <string>

namespace tiller::telephony {

class Telephony {
public:
    static constexpr const char* kServiceId = "tiller.Telephony/1";
    virtual ~Telephony() = default;
    // Places a call to `number` as typed; throws Refused (an Error) with the reason when it
    // cannot: no account registered, the agent busy or on a break, already on a call, no digits.
    virtual void dial(const std::string& number) = 0;
    // Whether dial() would be accepted now, and if not why (for greying out call buttons).
    virtual bool canDial(std::string* why = nullptr) const = 0;
    virtual AgentState agentState() const = 0;
};

}  // namespace tiller::telephony
