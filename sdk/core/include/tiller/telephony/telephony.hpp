// The telephony service a dialer plugin provides (SPEC §7). Forms offer click-to-dial on phone
// fields when one is registered; the full provider interface (accounts, calls, transfer ...)
// grows with the dialer plugin.
#pragma once

#include <string>

namespace tiller::telephony {

class Telephony {
public:
    static constexpr const char* kServiceId = "tiller.Telephony/1";
    virtual ~Telephony() = default;
    // Places a call to `number` as typed; throws Error with the reason when it cannot (not
    // registered, not idle, no number).
    virtual void dial(const std::string& number) = 0;
};

}  // namespace tiller::telephony
