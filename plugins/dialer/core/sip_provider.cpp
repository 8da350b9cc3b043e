#include "core/sip_provider.hpp"
#include "core/dialer_text.hpp"

#include <tiller/log/log.hpp>

#include <linphone++/linphone.hh>
#include <linphone/core.h>
#include <linphone/logging.h>

#include <algorithm>
#include <cstdlib>
#include <map>

namespace dialer {
namespace {

namespace tel = tiller::telephony;
using Kind = tel::CallEvent::Kind;


// liblinphone's log into Tiller's; without a handler it writes to the console. Through the C
// API: mediastreamer's threads log too, and the C++ wrapper's listener is not safe off the
// thread that drives the core (it ended a test run in std::bad_weak_ptr).
void forwardLog(LinphoneLoggingService*, const char* domain, LinphoneLogLevel level, const char* message) {
    // liblinphone's own errors are mostly about sound cards a headless phone does not use:
    // kept in the log for the curious, shown on the console only when fatal.
    std::string line = std::string("liblinphone ") + (domain ? domain : "") + ": " + (message ? message : "");
    switch (level) {
        case LinphoneLogLevelFatal: tiller::log::error(line); break;
        case LinphoneLogLevelError: tiller::log::info(line); break;
        default: tiller::log::debug(line); break;
    }
}

void forwardLogsOnce() {
    static const bool installed = [] {
        LinphoneLoggingServiceCbs* cbs = linphone_factory_create_logging_service_cbs(linphone_factory_get());
        linphone_logging_service_cbs_set_log_message_written(cbs, forwardLog);
        linphone_logging_service_add_callbacks(linphone_logging_service_get(), cbs);
        linphone_logging_service_cbs_unref(cbs);  // the service keeps its own reference
        return true;
    }();
    (void)installed;
}

tel::Registration registrationOf(linphone::RegistrationState state) {
    switch (state) {
        case linphone::RegistrationState::Progress: return tel::Registration::inProgress;
        case linphone::RegistrationState::Ok: return tel::Registration::ok;
        case linphone::RegistrationState::Cleared: return tel::Registration::cleared;
        case linphone::RegistrationState::Failed: return tel::Registration::failed;
        default: return tel::Registration::none;
    }
}

std::string transportName(tel::Transport t) {
    switch (t) {
        case tel::Transport::tcp: return "tcp";
        case tel::Transport::tls: return "tls";
        default: return "udp";
    }
}

}  // namespace

struct SipProvider::Impl : linphone::CoreListener {
    struct Tracked {
        std::string id;
        std::shared_ptr<linphone::Call> call;
        tel::Direction direction = tel::Direction::incoming;
        std::string number, name, account;
        long long startedAt = 0;
        bool rang = false, answered = false, held = false, declined = false, hungUp = false, timedOut = false,
             transferred = false, ended = false;
        std::string transferTarget;
        const void* consultation = nullptr;  // an attended transfer's consultation call, left with it
    };
    struct SipAccount {
        tel::Account account;
        std::shared_ptr<linphone::Account> linphone;
        tel::Registration state = tel::Registration::none;
        long long since = 0;
        bool timeoutReported = false;
    };

    SipProvider& owner;
    SipSettings settings;
    const tiller::Clock& clock;
    std::shared_ptr<linphone::Core> core;

    // By liblinphone's own call object: the C++ wrapper may differ from one callback to the next.
    std::map<const void*, Tracked> calls;
    // Events wait here until poll() hands them on: liblinphone calls back inside accept(),
    // terminate(), invite() ..., before the caller of those has its own state in order.
    std::vector<tel::CallEvent> pendingCalls;
    std::vector<tel::RegistrationEvent> pendingRegistrations;
    std::map<std::string, SipAccount> accounts;
    std::shared_ptr<linphone::Player> player;
    long long nextId = 1;

    Impl(SipProvider& o, SipSettings s, const tiller::Clock& c) : owner(o), settings(std::move(s)), clock(c) {}

    void emit(Tracked& t, Kind kind, const std::string& reason = {}, tel::CallResult result = tel::CallResult::failed) {
        tel::CallEvent e;
        e.kind = kind;
        e.callId = t.id;
        e.direction = t.direction;
        e.remoteNumber = t.number;
        e.remoteName = t.name;
        e.account = t.account;
        e.atMs = clock.nowMs();
        e.startedAtMs = t.startedAt;
        e.result = result;
        e.reason = reason;
        e.transferTarget = t.transferTarget;
        pendingCalls.push_back(std::move(e));
    }

    void deliver() {
        auto registrations = std::move(pendingRegistrations);
        pendingRegistrations.clear();
        for (const auto& r : registrations)
            if (owner.onRegistration) owner.onRegistration(r);
        auto events = std::move(pendingCalls);
        pendingCalls.clear();
        for (const auto& e : events)
            if (owner.onCall) owner.onCall(e);
    }

    Tracked& track(const std::shared_ptr<linphone::Call>& call, tel::Direction direction) {
        auto& t = calls[call->cPtr()];
        if (t.id.empty()) {
            t.id = "sip-" + std::to_string(nextId++);
            t.call = call;
            t.direction = direction;
            t.startedAt = clock.nowMs();
            auto remote = call->getRemoteAddress();
            t.number = remote ? remote->getUsername() : "";
            t.name = remote ? remote->getDisplayName() : "";
            auto to = direction == tel::Direction::incoming ? call->getToAddress() : nullptr;
            if (to) t.account = to->getUsername();
        }
        return t;
    }

    Tracked& byId(const std::string& id) {
        for (auto& [key, t] : calls)
            if (t.id == id && !t.ended) return t;
        throw tel::Refused(tr("There is no call {1} any more", {id}));
    }

    tel::CallResult resultOf(const Tracked& t, linphone::Reason reason) const {
        if (t.transferred) return tel::CallResult::transferred;
        if (t.answered) return tel::CallResult::answered;
        if (t.direction == tel::Direction::incoming) return t.declined ? tel::CallResult::rejected : tel::CallResult::missed;
        if (t.timedOut) return tel::CallResult::noAnswer;
        if (t.hungUp) return tel::CallResult::cancelled;
        switch (reason) {
            case linphone::Reason::Busy:
            case linphone::Reason::Declined:
            case linphone::Reason::DoNotDisturb: return tel::CallResult::busy;
            case linphone::Reason::NotAnswered:
            case linphone::Reason::NoResponse: return tel::CallResult::noAnswer;
            default: return tel::CallResult::failed;
        }
    }

    void end(Tracked& t, const std::string& message) {
        if (t.ended) return;
        t.ended = true;
        auto reason = t.call->getReason();
        std::string why = message;
        if (auto info = t.call->getErrorInfo(); info && info->getProtocolCode() >= 300)
            why = std::to_string(info->getProtocolCode()) + " " + info->getPhrase();
        emit(t, Kind::ended, why, resultOf(t, reason));
    }

    void onCallStateChanged(const std::shared_ptr<linphone::Core>&, const std::shared_ptr<linphone::Call>& call,
                            linphone::Call::State state, const std::string& message) override {
        using S = linphone::Call::State;
        if (state == S::Released) {
            calls.erase(call->cPtr());
            return;
        }
        if (state == S::IncomingReceived) {
            auto& t = track(call, tel::Direction::incoming);
            emit(t, Kind::incoming);
            return;
        }
        auto found = calls.find(call->cPtr());
        if (found == calls.end() && call->getDir() == linphone::Call::Dir::Outgoing) {
            track(call, tel::Direction::outgoing);  // inside dial()'s invite, before it tracks the call itself
            found = calls.find(call->cPtr());
        }
        if (found == calls.end()) return;  // not one of ours (a conference's internal leg)
        auto& t = found->second;
        switch (state) {
            case S::OutgoingRinging:
            case S::OutgoingEarlyMedia:
                if (!t.rang) {
                    t.rang = true;
                    emit(t, Kind::ringing);
                }
                break;
            case S::Connected:
                if (!t.answered) {
                    t.answered = true;
                    emit(t, Kind::answered);
                }
                break;
            case S::StreamsRunning:
                if (t.held) {
                    t.held = false;
                    emit(t, Kind::resumed);
                }
                break;
            case S::Paused:
            case S::PausedByRemote:
                if (!t.held) {
                    t.held = true;
                    emit(t, Kind::held);
                }
                break;
            case S::Error:
            case S::End: end(t, message); break;
            default: break;
        }
    }

    void onTransferStateChanged(const std::shared_ptr<linphone::Core>&, const std::shared_ptr<linphone::Call>& call,
                                linphone::Call::State state) override {
        auto found = calls.find(call->cPtr());
        if (found == calls.end()) return;
        auto& t = found->second;
        if (state == linphone::Call::State::Connected && !t.transferred) {
            t.transferred = true;
            emit(t, Kind::transferred);
            // The far end took it: this phone leaves the call, and the consultation of an
            // attended transfer too (the two others now talk to each other).
            const void* consultation = t.consultation;
            if (!t.ended) t.call->terminate();
            if (auto other = calls.find(consultation); other != calls.end() && !other->second.ended) {
                other->second.transferred = true;
                other->second.call->terminate();
            }
        }
    }

    void onAccountRegistrationStateChanged(const std::shared_ptr<linphone::Core>&, const std::shared_ptr<linphone::Account>& account,
                                           linphone::RegistrationState state, const std::string& message) override {
        for (auto& [id, a] : accounts) {
            if (a.linphone != account) continue;
            a.state = registrationOf(state);
            a.since = clock.nowMs();
            a.timeoutReported = false;
            std::string reason = message;
            if (auto info = account->getErrorInfo(); state == linphone::RegistrationState::Failed && info &&
                                                     info->getProtocolCode() >= 300)
                reason = std::to_string(info->getProtocolCode()) + " " + info->getPhrase();
            pendingRegistrations.push_back({id, a.state, reason, a.since});
        }
    }

    // Every call gets a file to record into when recordings are wanted; it is written only once
    // recording starts (always, or on demand from the phone bar).
    void prepareRecording(const std::shared_ptr<linphone::CallParams>& params) {
        if (settings.recordingsDir.empty()) return;
        std::filesystem::create_directories(settings.recordingsDir);
        params->setRecordFile((settings.recordingsDir / ("call-" + std::to_string(clock.nowMs()) + "-" +
                                                         std::to_string(nextId) + ".wav")).string());
    }

    // Where a number dialled from `from` goes: sip:NUMBER@ the account's server (with its port:
    // a PBX on another port than 5060 must see its own address in the request).
    std::string uriFor(const std::string& target, const std::shared_ptr<linphone::Account>& from) const {
        if (target.rfind("sip:", 0) == 0 || target.rfind("sips:", 0) == 0) return target;
        if (!from) throw tel::Refused(tr("No phone account is set up: add one in Settings > Phone"));
        for (const auto& [id, a] : accounts)
            if (a.linphone == from) return "sip:" + target + "@" + a.account.server;
        return "sip:" + target + "@" + from->getParams()->getIdentityAddress()->getDomain();
    }

    std::shared_ptr<linphone::Address> address(const std::string& text) const {
        auto a = linphone::Factory::get()->createAddress(text);
        if (!a) throw tel::Refused(tr("'{1}' is not a SIP address", {text}));
        return a;
    }
};

SipProvider::SipProvider(SipSettings settings, const tiller::Clock& clock)
    : impl_(std::make_unique<Impl>(*this, std::move(settings), clock)) {
    auto& s = impl_->settings;
    std::filesystem::create_directories(s.dataDir);
    auto factory = linphone::Factory::get();
    factory->setDataDir(s.dataDir.string());
    factory->setConfigDir(s.dataDir.string());
    factory->setDownloadDir(s.dataDir.string());
    forwardLogsOnce();  // one handler for the process: the logging service is liblinphone's singleton
    // TILLER_SIP_DEBUG=1 logs every SIP message (for support: why did that call fail?).
    linphone_logging_service_set_log_level(linphone_logging_service_get(),
                                           std::getenv("TILLER_SIP_DEBUG") ? LinphoneLogLevelMessage : LinphoneLogLevelWarning);

    auto config = factory->createConfig((s.dataDir / "linphonerc").string());
    config->setString("sip", "bind_address", s.bindAddress);
    config->setString("rtp", "bind_address", s.bindAddress);
    config->setInt("sip", "guess_hostname", 0);
    config->setInt("sip", "ipv6_migration_done", 1);
    config->setInt("sip", "use_ipv6", 0);
    // An unanswered incoming call rings until the caller gives up (0 would answer 486 at once).
    config->setInt("sip", "inc_timeout", 600);
    config->setInt("video", "capture", 0);
    config->setInt("video", "display", 0);
    config->setInt("misc", "max_calls", 4);  // two lines and a consultation, like a desk phone
    impl_->core = factory->createCoreWithConfig(config, nullptr);
    auto& core = impl_->core;
    core->setUserAgent(s.userAgent, "1");
    core->enableVideoCapture(false);
    core->enableVideoDisplay(false);
    core->setGuessHostname(false);
    core->enableIpv6(false);
    auto policy = factory->createVideoActivationPolicy();
    policy->setAutomaticallyInitiate(false);
    policy->setAutomaticallyAccept(false);
    core->setVideoActivationPolicy(policy);
    core->setCallLogsDatabasePath((s.dataDir / "calllogs.db").string());
    // Who calls without an account (straight calls on a LAN or loopback).
    if (!s.bindAddress.empty()) core->setPrimaryContact("\"" + s.userAgent + "\" <sip:tiller@" + s.bindAddress + ">");
    auto transports = core->getTransports();
    transports->setUdpPort(s.sipPort);
    transports->setTcpPort(s.tcp ? s.sipPort : 0);
    transports->setTlsPort(s.tls ? (s.sipPort > 0 ? s.sipPort + 1 : -1) : 0);
    transports->setDtlsPort(0);
    core->setTransports(transports);
    core->setAudioPort(-1);
    core->setNortpTimeout(s.noMediaTimeoutSeconds);
    core->setVideoPort(0);
    if (s.headless) {
        core->setUseFiles(true);
        if (!s.playFile.empty()) core->setPlayFile(s.playFile.string());
    } else {
        for (const auto& d : core->getExtendedAudioDevices()) {
            if (!s.playbackDevice.empty() && d->getId() == s.playbackDevice) core->setOutputAudioDevice(d);
            if (!s.captureDevice.empty() && d->getId() == s.captureDevice) core->setInputAudioDevice(d);
        }
        if (!s.ringerDevice.empty()) core->setRingerDevice(s.ringerDevice);
    }
    if (!s.ringFile.empty()) core->setRing(s.ringFile.string());
    if (!s.codecs.empty())
        for (const auto& pt : core->getAudioPayloadTypes())
            pt->enable(std::find(s.codecs.begin(), s.codecs.end(), pt->getMimeType()) != s.codecs.end());
    core->addListener(std::static_pointer_cast<linphone::CoreListener>(
        std::shared_ptr<Impl>(impl_.get(), [](Impl*) {})));  // lives as long as this provider
    if (core->start() != 0) throw tiller::Error(tr("The SIP phone could not start (is port {1} in use?)", {std::to_string(s.sipPort)}));
}

SipProvider::~SipProvider() {
    if (!impl_->core) return;
    impl_->core->terminateAllCalls();
    impl_->core->stop();
    impl_->core->removeListener(std::static_pointer_cast<linphone::CoreListener>(std::shared_ptr<Impl>(impl_.get(), [](Impl*) {})));
}

void SipProvider::addAccount(const tel::Account& account) {
    removeAccount(account.id);
    auto& core = impl_->core;
    auto factory = linphone::Factory::get();
    std::string domain = account.server;
    auto params = core->createAccountParams();
    auto identity = impl_->address("sip:" + account.user + "@" + domain);
    if (!account.displayName.empty()) identity->setDisplayName(account.displayName);
    params->setIdentityAddress(identity);
    std::string proxy = account.outboundProxy.empty() ? domain : account.outboundProxy;
    auto server = impl_->address("sip:" + proxy + ";transport=" + transportName(account.transport));
    params->setServerAddress(server);
    // Every request goes through the PBX (or the outbound proxy), as a desk phone's does: the
    // numbers dialled are the PBX's to route.
    params->enableOutboundProxy(true);
    params->enableRegister(true);
    auto auth = factory->createAuthInfo(account.user, "", account.password, "", "", identity->getDomain());
    core->addAuthInfo(auth);
    auto linphoneAccount = core->createAccount(params);
    core->addAccount(linphoneAccount);
    if (!core->getDefaultAccount()) core->setDefaultAccount(linphoneAccount);
    impl_->accounts[account.id] = {account, linphoneAccount, tel::Registration::inProgress, impl_->clock.nowMs(), false};
}

void SipProvider::removeAccount(const std::string& accountId) {
    auto it = impl_->accounts.find(accountId);
    if (it == impl_->accounts.end()) return;
    impl_->core->removeAccount(it->second.linphone);
    impl_->accounts.erase(it);
}

std::string SipProvider::dial(const std::string& target, const std::string& accountId) {
    auto& core = impl_->core;
    std::shared_ptr<linphone::Account> from;
    if (!accountId.empty()) {
        auto it = impl_->accounts.find(accountId);
        if (it == impl_->accounts.end()) throw tel::Refused(tr("There is no phone account '{1}'", {accountId}));
        from = it->second.linphone;
    } else {
        from = core->getDefaultAccount();
    }
    std::string uri = impl_->uriFor(target, from);
    auto params = core->createCallParams(nullptr);
    if (from) {  // liblinphone 5.1 picks the account of a call through its ProxyConfig twin
        std::string identity = from->getParams()->getIdentityAddress()->asStringUriOnly();
        for (const auto& proxy : core->getProxyConfigList())
            if (proxy->getIdentityAddress() && proxy->getIdentityAddress()->asStringUriOnly() == identity) params->setProxyConfig(proxy);
    }
    impl_->prepareRecording(params);
    auto call = core->inviteAddressWithParams(impl_->address(uri), params);
    if (!call) throw tel::Refused(tr("The call to {1} could not be started", {target}));
    auto& t = impl_->track(call, tel::Direction::outgoing);
    t.number = target;
    if (from) t.account = from->getParams()->getIdentityAddress()->getUsername();
    return t.id;
}

void SipProvider::answer(const std::string& callId) {
    auto& t = impl_->byId(callId);
    auto params = impl_->core->createCallParams(t.call);
    impl_->prepareRecording(params);
    if (t.call->acceptWithParams(params) != 0) throw tel::Refused(tr("The call could not be answered"));
}

void SipProvider::reject(const std::string& callId, bool busy) {
    auto& t = impl_->byId(callId);
    t.declined = true;
    t.call->decline(busy ? linphone::Reason::Busy : linphone::Reason::Declined);
}

void SipProvider::hangUp(const std::string& callId) {
    auto& t = impl_->byId(callId);
    if (!t.answered && t.direction == tel::Direction::incoming) t.declined = true;
    t.hungUp = true;
    t.call->terminate();
}

void SipProvider::hold(const std::string& callId) {
    if (impl_->byId(callId).call->pause() != 0) throw tel::Refused(tr("The call cannot be held now"));
}

void SipProvider::resume(const std::string& callId) {
    if (impl_->byId(callId).call->resume() != 0) throw tel::Refused(tr("The call cannot be resumed now"));
}

void SipProvider::transfer(const std::string& callId, const std::string& target) {
    auto& t = impl_->byId(callId);
    std::string uri = impl_->uriFor(target, impl_->core->getDefaultAccount());
    t.transferTarget = target;
    if (t.call->transferTo(impl_->address(uri)) != 0) throw tel::Refused(tr("The call could not be transferred to {1}", {target}));
}

void SipProvider::transferToConsultation(const std::string& callId, const std::string& consultationId) {
    auto& t = impl_->byId(callId);
    auto& consultation = impl_->byId(consultationId);
    t.transferTarget = consultation.number;
    t.consultation = consultation.call->cPtr();
    consultation.transferTarget = t.number;
    if (t.call->transferToAnother(consultation.call) != 0)
        throw tel::Refused(tr("The call could not be transferred to {1}", {consultation.number}));
}

void SipProvider::conference(const std::string& callId, const std::string& otherCallId) {
    auto& a = impl_->byId(callId);
    auto& b = impl_->byId(otherCallId);
    // This phone mixes the two calls (a local conference); it holds at most these two.
    if (impl_->core->getCallsNb() != 2) throw tel::Refused(tr("A three-way call joins exactly two calls"));
    if (impl_->core->addAllToConference() != 0) throw tel::Refused(tr("The three-way call could not be set up"));
    for (auto* t : {&a, &b}) impl_->emit(*t, Kind::conferenced);
}

void SipProvider::sendDtmf(const std::string& callId, char digit) {
    if (std::string("0123456789*#ABCD").find(digit) == std::string::npos)
        throw tel::Refused(tr("'{1}' is not a key of the phone pad", {std::string(1, digit)}));
    impl_->byId(callId).call->sendDtmf(digit);
}

void SipProvider::setMuted(bool muted) { impl_->core->enableMic(!muted); }
bool SipProvider::muted() const { return !impl_->core->micEnabled(); }

void SipProvider::poll() {
    impl_->core->iterate();
    impl_->deliver();
    long long now = impl_->clock.nowMs();
    for (auto& [key, t] : impl_->calls)
        if (t.direction == tel::Direction::outgoing && !t.answered && !t.ended && !t.timedOut &&
            now - t.startedAt >= impl_->settings.setupTimeoutMs) {
            t.timedOut = true;  // liblinphone waits 32 s for a dead address and forever for a ringing one
            t.call->terminate();
        }
    for (auto& [id, a] : impl_->accounts)
        if (a.state == tel::Registration::inProgress && !a.timeoutReported && now - a.since >= impl_->settings.registrationTimeoutMs) {
            a.timeoutReported = true;  // liblinphone keeps trying; the agent hears now
            impl_->pendingRegistrations.push_back({id, tel::Registration::failed, tr("no answer from the server"), now});
        }
    impl_->deliver();  // what the timeouts above caused
}

std::string SipProvider::startRecording(const std::string& callId) {
    auto& t = impl_->byId(callId);
    auto current = t.call->getCurrentParams();
    std::string file = current ? current->getRecordFile() : "";
    if (file.empty()) throw tel::Refused(tr("This call cannot be recorded"));
    t.call->startRecording();
    return file;
}

void SipProvider::play(const std::filesystem::path& file) {
    stopPlaying();
    if (!std::filesystem::exists(file)) throw tel::Refused(tr("The recording {1} is not on this PC", {file.string()}));
    auto player = impl_->core->createLocalPlayer("", "", nullptr);
    if (!player || player->open(file.string()) != 0 || player->start() != 0)
        throw tel::Refused(tr("The recording {1} could not be played", {file.string()}));
    impl_->player = player;
}

void SipProvider::stopPlaying() {
    if (!impl_->player) return;
    impl_->player->close();
    impl_->player.reset();
}

int SipProvider::sipPort() const {
    auto used = impl_->core->getTransportsUsed();
    return used ? used->getUdpPort() : impl_->settings.sipPort;
}

AudioDevices SipProvider::audioDevices() const {
    AudioDevices out;
    for (const auto& d : impl_->core->getExtendedAudioDevices()) {
        if (d->hasCapability(linphone::AudioDevice::Capabilities::CapabilityPlay))
            out.playback.emplace_back(d->getId(), d->getDeviceName());
        if (d->hasCapability(linphone::AudioDevice::Capabilities::CapabilityRecord))
            out.capture.emplace_back(d->getId(), d->getDeviceName());
    }
    return out;
}

std::vector<std::string> SipProvider::availableCodecs() const {
    std::vector<std::string> out;
    for (const auto& pt : impl_->core->getAudioPayloadTypes()) out.push_back(pt->getMimeType());
    return out;
}

}  // namespace dialer
