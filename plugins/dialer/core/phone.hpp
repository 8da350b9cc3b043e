// The agent's phone (SPEC §7.1–§7.4): drives one telephony::Provider, keeps the agent state
// (置闲/置忙/小休) and the calls in progress, looks each caller up before the phone rings on
// screen (screen pop), writes the call log when a call ends, and is the Telephony service other
// plugins dial through. No wx: the GUI's phone bar and screen pop and tiller-cli's `phone`
// commands run this same code. Everything happens on the thread that calls poll().
#pragma once

#include "core/call_log.hpp"

#include <tiller/clock.hpp>
#include <tiller/plugin/host.hpp>
#include <tiller/telephony/provider.hpp>
#include <tiller/telephony/telephony.hpp>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dialer {

struct ActiveCall {
    std::string id;
    tiller::telephony::Direction direction = tiller::telephony::Direction::incoming;
    std::string remoteNumber, remoteName, account;
    tiller::telephony::Caller caller;
    enum class State { ringing, talking, held } state = State::ringing;
    long long startedAt = 0;
    std::optional<long long> answeredAt;
    double lookupMs = 0;     // the caller lookup's own time (screen pop budget)
    std::string recording;   // the file the call is recorded into, once recording started
};

class Phone : public tiller::telephony::Telephony {
public:
    Phone(tiller::plugin::Host& host, std::unique_ptr<tiller::telephony::Provider> provider, const tiller::Clock& clock);
    ~Phone() override;

    tiller::telephony::Provider& provider() { return *provider_; }

    // tiller::telephony::Telephony
    void dial(const std::string& number) override;
    // dial() to a given SIP address instead of through the account (tiller-cli phone call
    // --to); `number` is what the call log and the lookup use. Returns the call id.
    std::string dialTo(const std::string& number, const std::string& address);
    bool canDial(std::string* why = nullptr) const override;
    tiller::telephony::AgentState agentState() const override { return state_; }

    // 置闲 / 置忙 / 小休: busy and break turn incoming calls away with "busy".
    void setAgentState(tiller::telephony::AgentState state);

    // Registration of the phone's accounts, as last reported.
    tiller::telephony::Registration registration() const { return registration_; }
    const std::string& registrationReason() const { return registrationReason_; }
    // Set when an account is added; false: calls may be placed and taken without registering
    // (peer-to-peer on loopback, as `tiller-cli phone listen` does).
    void setRegistrationNeeded(bool needed) { registrationNeeded_ = needed; }

    // Answers incoming calls by themselves after `rings` seconds (tiller-cli phone listen
    // --answer-after); nullopt: only when asked.
    void setAutoAnswer(std::optional<double> seconds) { autoAnswerSeconds_ = seconds; }

    const std::vector<ActiveCall>& calls() const { return calls_; }
    const ActiveCall* call(const std::string& id) const;
    // The call the phone bar acts on: the talking one, else the ringing one, else the first.
    const ActiveCall* current() const;

    void answer(const std::string& callId);
    void hangUp(const std::string& callId);
    // Records the call from now on (the phone bar's Record button); the file goes in the log.
    void record(const std::string& callId);
    // Every answered call is recorded (the office's setting).
    void setRecordAlways(bool always) { recordAlways_ = always; }

    // Drives the provider and the auto answer; call every ~20 ms.
    void poll();

    // What the GUI and CLI listen to (after the Phone has done its own work).
    std::function<void(const ActiveCall&)> onIncoming;  // the caller looked up, phone ringing
    std::function<void(const tiller::telephony::CallEvent&, long long logId)> onEnded;
    std::function<void()> onChange;  // any state change: redraw the phone bar

private:
    void handle(const tiller::telephony::CallEvent& event);
    ActiveCall* find(const std::string& id);

    tiller::plugin::Host& host_;
    std::unique_ptr<tiller::telephony::Provider> provider_;
    const tiller::Clock& clock_;
    CallLog log_;
    tiller::telephony::AgentState state_ = tiller::telephony::AgentState::idle;
    tiller::telephony::Registration registration_ = tiller::telephony::Registration::none;
    std::string registrationReason_;
    bool registrationNeeded_ = true;
    std::optional<double> autoAnswerSeconds_;
    bool recordAlways_ = false;
    std::vector<ActiveCall> calls_;
};

}  // namespace dialer
