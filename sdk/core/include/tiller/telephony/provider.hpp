// A phone system behind the dialer (SPEC §7): the SIP softphone of the dialer plugin, or a TAPI
// line for a Windows desk phone (§7.7, docs/telephony.md). The dialer's agent logic drives one
// Provider; everything it hears comes back through `onCall` and `onRegistration`, always on
// the thread that calls poll(), which the GUI calls from a timer on the UI thread.
//
// Every method that acts on a call throws telephony::Refused (an Error) with the reason in the
// user's words when it cannot: an unknown call id, a call in the wrong state, no account.
#pragma once

#include <tiller/telephony/calls.hpp>

#include <functional>
#include <string>
#include <vector>

namespace tiller::telephony {

enum class Transport { udp, tcp, tls };

// One SIP identity (or TAPI line). The password is not kept here: the dialer reads it from the
// desktop keyring when it registers.
struct Account {
    std::string id;             // "office" (unique per PC)
    std::string server;         // "127.0.0.1:5060" or "pbx.example"
    std::string user;           // "8001": also the extension colleagues dial
    std::string displayName;    // "李娜"
    std::string password;
    Transport transport = Transport::udp;
    std::string outboundProxy;  // "" = the server
};

class Provider {
public:
    virtual ~Provider() = default;
    virtual std::string name() const = 0;  // "sip", "tapi"

    // Registers the account (replacing one with the same id); the outcome comes as a
    // RegistrationEvent. Unregisters and forgets it with removeAccount().
    virtual void addAccount(const Account& account) = 0;
    virtual void removeAccount(const std::string& accountId) = 0;

    // Starts a call to `target` (a number, an extension or a sip: address) from `accountId`
    // (the default account when empty) and returns its id.
    virtual std::string dial(const std::string& target, const std::string& accountId = {}) = 0;
    virtual void answer(const std::string& callId) = 0;
    virtual void reject(const std::string& callId, bool busy) = 0;  // busy: "486 Busy Here"
    virtual void hangUp(const std::string& callId) = 0;
    virtual void hold(const std::string& callId) = 0;
    virtual void resume(const std::string& callId) = 0;
    // Blind transfer: the call leaves this phone and rings `target`.
    virtual void transfer(const std::string& callId, const std::string& target) = 0;
    // Attended transfer: the consultation call (made with dial() while `callId` is held) takes
    // the caller's place: the two are connected and this phone leaves both.
    virtual void transferToConsultation(const std::string& callId, const std::string& consultationId) = 0;
    // Three-way: this phone and both calls talk together.
    virtual void conference(const std::string& callId, const std::string& otherCallId) = 0;
    virtual void sendDtmf(const std::string& callId, char digit) = 0;  // 0-9 * # A-D
    virtual void setMuted(bool muted) = 0;
    virtual bool muted() const = 0;
    // Starts recording the call and returns the file it goes to; Refused where the phone
    // system cannot record (a desk phone on TAPI).
    virtual std::string startRecording(const std::string& callId) {
        (void)callId;
        throw Refused("this phone system cannot record calls");
    }

    // Does the provider's work and delivers its events; call it often (every ~20 ms).
    virtual void poll() = 0;

    std::function<void(const CallEvent&)> onCall;
    std::function<void(const RegistrationEvent&)> onRegistration;
};

}  // namespace tiller::telephony
