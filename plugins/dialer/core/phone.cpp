#include "core/phone.hpp"
#include "core/dialer_text.hpp"

#include <tiller/i18n/catalogs.hpp>
#include <tiller/log/log.hpp>
#include <tiller/plugin/events.hpp>
#include <tiller/telephony/events.hpp>

#include <algorithm>
#include <chrono>

namespace dialer {
namespace {

using tiller::telephony::AgentState;
using tiller::telephony::CallEvent;
using tiller::telephony::Direction;
using tiller::telephony::Refused;
using tiller::telephony::Registration;
using Kind = CallEvent::Kind;

}  // namespace

Phone::Phone(tiller::plugin::Host& host, std::unique_ptr<tiller::telephony::Provider> provider, const tiller::Clock& clock)
    : host_(host), provider_(std::move(provider)), clock_(clock), log_(host.database()) {
    provider_->onCall = [this](const CallEvent& e) { handle(e); };
    provider_->onRegistration = [this](const tiller::telephony::RegistrationEvent& e) {
        registration_ = e.state;
        registrationReason_ = e.reason;
        if (onChange) onChange();
    };
}

Phone::~Phone() {
    provider_->onCall = nullptr;
    provider_->onRegistration = nullptr;
}

bool Phone::canDial(std::string* why) const {
    auto refuse = [&](std::string reason) {
        if (why) *why = std::move(reason);
        return false;
    };
    if (registrationNeeded_ && registration_ != Registration::ok)
        return refuse(registration_ == Registration::failed
                          ? tr("The phone is not registered ({1}): check the account in Settings > Phone", {registrationReason_})
                          : tr("The phone is not registered yet: check the account in Settings > Phone"));
    if (state_ == AgentState::busy) return refuse(tr("You are set to busy: set yourself free to call"));
    if (state_ == AgentState::onBreak) return refuse(tr("You are on a break: set yourself free to call"));
    for (const auto& c : calls_)
        if (c.state != ActiveCall::State::held) return refuse(tr("You are on a call: hang up or hold it first"));
    return true;
}

void Phone::dial(const std::string& number) { dialTo(number, {}); }

std::string Phone::dialTo(const std::string& number, const std::string& address) {
    std::string why;
    if (!canDial(&why)) throw Refused(why);
    std::string target = number;
    target.erase(std::remove_if(target.begin(), target.end(), [](char c) { return c == ' ' || c == '-' || c == '(' || c == ')'; }),
                 target.end());
    if (target.empty() || target.find_first_of("0123456789") == std::string::npos)
        throw Refused(tr("'{1}' is not a number to call", {number}));
    ActiveCall call;
    call.direction = Direction::outgoing;
    call.remoteNumber = target;
    call.startedAt = clock_.nowMs();
    if (auto lookup = host_.service<tiller::telephony::CallerLookup>())
        call.caller = lookup->lookup(host_, target, tiller::i18n::language());
    call.id = provider_->dial(address.empty() ? target : address);
    std::string id = call.id;
    calls_.push_back(std::move(call));
    if (onChange) onChange();
    return id;
}

void Phone::setAgentState(AgentState state) {
    state_ = state;
    if (onChange) onChange();
}

const ActiveCall* Phone::call(const std::string& id) const {
    for (const auto& c : calls_)
        if (c.id == id) return &c;
    return nullptr;
}

ActiveCall* Phone::find(const std::string& id) {
    for (auto& c : calls_)
        if (c.id == id) return &c;
    return nullptr;
}

const ActiveCall* Phone::current() const {
    for (auto state : {ActiveCall::State::talking, ActiveCall::State::ringing})
        for (const auto& c : calls_)
            if (c.state == state) return &c;
    return calls_.empty() ? nullptr : &calls_.front();
}

// Answering a waiting call puts the one in progress on hold (liblinphone does it, as a desk
// phone would).
void Phone::answer(const std::string& callId) { provider_->answer(callId); }

void Phone::hangUp(const std::string& callId) { provider_->hangUp(callId); }

void Phone::record(const std::string& callId) {
    auto* call = find(callId);
    if (!call) throw Refused(tr("There is no call {1} any more", {callId}));
    if (!call->recording.empty()) return;  // already
    call->recording = provider_->startRecording(callId);
    if (onChange) onChange();
}

void Phone::poll() {
    provider_->poll();
    if (!autoAnswerSeconds_) return;
    long long now = clock_.nowMs();
    for (const auto& c : std::vector<ActiveCall>(calls_))
        if (c.direction == Direction::incoming && c.state == ActiveCall::State::ringing &&
            now - c.startedAt >= static_cast<long long>(*autoAnswerSeconds_ * 1000)) {
            try {
                provider_->answer(c.id);
            } catch (const std::exception& e) {
                tiller::log::warning("dialer: auto answer of " + c.id + ": " + e.what());
            }
            if (auto* live = find(c.id)) live->state = ActiveCall::State::talking;  // not again; the event confirms
        }
}

void Phone::handle(const CallEvent& event) {
    ActiveCall* call = find(event.callId);
    if (!call && event.kind != Kind::incoming && event.kind != Kind::ended) {
        // A call the phone system placed by itself (this phone asked by a transfer to call the
        // third party): adopt it, so it is shown, timed and logged like the agent's own.
        ActiveCall adopted;
        adopted.id = event.callId;
        adopted.direction = event.direction;
        adopted.remoteNumber = event.remoteNumber;
        adopted.remoteName = event.remoteName;
        adopted.account = event.account;
        adopted.startedAt = event.startedAtMs ? event.startedAtMs : event.atMs;
        if (auto lookup = host_.service<tiller::telephony::CallerLookup>()) {
            try {
                adopted.caller = lookup->lookup(host_, event.remoteNumber, tiller::i18n::language());
            } catch (const std::exception& e) {  // shown without a name; the call goes on
                tiller::log::warning("dialer: caller lookup for " + event.remoteNumber + " failed: " + e.what());
            }
        }
        calls_.push_back(std::move(adopted));
        call = &calls_.back();
    }
    switch (event.kind) {
        case Kind::incoming: {
            ActiveCall fresh;
            fresh.id = event.callId;
            fresh.direction = Direction::incoming;
            fresh.remoteNumber = event.remoteNumber;
            fresh.remoteName = event.remoteName;
            fresh.account = event.account;
            fresh.startedAt = event.atMs;
            auto started = std::chrono::steady_clock::now();
            if (auto lookup = host_.service<tiller::telephony::CallerLookup>()) {
                try {
                    fresh.caller = lookup->lookup(host_, event.remoteNumber, tiller::i18n::language());
                } catch (const std::exception& e) {  // a dropped database must not lose the call
                    tiller::log::warning("dialer: caller lookup for " + event.remoteNumber + " failed: " + e.what());
                    fresh.caller.typed = fresh.caller.number = event.remoteNumber;
                }
            } else {
                fresh.caller.typed = fresh.caller.number = event.remoteNumber;
            }
            fresh.lookupMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
            calls_.push_back(fresh);
            if (state_ != AgentState::idle) {
                provider_->reject(event.callId, true);  // 置忙 / 小休: the caller hears busy
                break;
            }
            host_.events().publish(tiller::telephony::IncomingCall{event.callId, event.remoteNumber, event.remoteName,
                                                                    fresh.caller, event.atMs});
            if (onIncoming) onIncoming(calls_.back());
            break;
        }
        case Kind::ringing: break;
        case Kind::answered:
        case Kind::resumed:
            if (call) {
                call->state = ActiveCall::State::talking;
                if (!call->answeredAt) call->answeredAt = event.atMs;
                if (recordAlways_ && call->recording.empty()) {
                    try {
                        call->recording = provider_->startRecording(call->id);
                    } catch (const std::exception& e) {  // the call goes on unrecorded, and the log says why
                        tiller::log::warning("dialer: call " + call->id + " not recorded: " + e.what());
                    }
                }
            }
            break;
        case Kind::held:
            if (call) call->state = ActiveCall::State::held;
            break;
        case Kind::transferred:
        case Kind::conferenced: break;
        case Kind::ended: {
            CallEvent ended = event;
            tiller::telephony::Caller caller;
            std::string recording;
            if (call) {
                recording = call->recording;
                ended.direction = call->direction;
                ended.remoteNumber = call->remoteNumber;  // the number dialled, not the address it went to
                if (ended.remoteName.empty()) ended.remoteName = call->remoteName;
                if (ended.account.empty()) ended.account = call->account;
                ended.startedAtMs = call->startedAt;
                long long answeredAt = call->answeredAt.value_or(event.atMs);
                ended.ringMs = std::max(0LL, answeredAt - call->startedAt);
                ended.talkMs = call->answeredAt ? std::max(0LL, event.atMs - *call->answeredAt) : 0;
                caller = call->caller;
            }
            long long logId = 0;
            try {
                logId = log_.record(ended, caller, host_.actingUser(), recording);
            } catch (const std::exception& e) {
                tiller::log::error("dialer: the call " + ended.callId + " could not be logged: " + e.what());
            }
            calls_.erase(std::remove_if(calls_.begin(), calls_.end(), [&](const ActiveCall& c) { return c.id == event.callId; }),
                         calls_.end());
            host_.events().publish(tiller::telephony::CallEnded{ended, logId, caller});
            if (onEnded) onEnded(ended, logId);
            break;
        }
    }
    if (onChange) onChange();
}

}  // namespace dialer
