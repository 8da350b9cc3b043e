#include "core/phone_cli.hpp"
#include "core/dialer_text.hpp"
#include "core/phone.hpp"
#include "core/sip_provider.hpp"

#include <tiller/paths.hpp>

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <csignal>
#include <thread>

namespace dialer {
namespace {

using tiller::plugin::CliCommand;
using tiller::plugin::CliInvocation;
using tiller::plugin::Host;
using Json = nlohmann::json;
namespace tel = tiller::telephony;

std::atomic<bool> stopRequested{false};

double number(const CliInvocation& call, const std::string& option, double fallback) {
    auto it = call.values.find(option);
    if (it == call.values.end()) return fallback;
    try {
        std::size_t used = 0;
        double value = std::stod(it->second, &used);
        if (used == it->second.size() && value >= 0) return value;
    } catch (const std::exception&) {
    }
    throw tiller::ValidationError(option, tr("--{1} wants a number of seconds, not '{2}'", {option, it->second}));
}

Json callerJson(const tel::Caller& c) {
    return {{"known", c.known},       {"entity", c.entity},   {"record_id", c.recordId}, {"name", c.name},
            {"contact", c.contactName}, {"owner", c.ownerName}, {"number", c.number},     {"e164", c.e164},
            {"valid", c.valid},       {"anonymous", c.anonymous}, {"region", c.region},  {"other_matches", c.otherMatches}};
}

void print(std::ostream& out, bool json, const Json& line, const std::string& text) {
    if (json)
        out << line.dump() << std::endl;
    else
        out << text << std::endl;
}

std::string callerText(const tel::Caller& c, const std::string& typed) {
    if (c.known) return c.name + (c.contactName.empty() ? "" : " / " + c.contactName) + (c.ownerName.empty() ? "" : " (" + c.ownerName + ")");
    if (c.anonymous) return tr("a withheld number");
    return (c.number.empty() ? typed : c.number) + (c.region.empty() ? "" : " " + c.region);
}

// A phone for one command: a headless SIP softphone on loopback, in a data folder of its own.
struct CliPhone {
    tiller::SystemClock clock;
    std::unique_ptr<Phone> phone;

    CliPhone(Host& host, const CliInvocation& call, int port) {
        SipSettings s;
        s.dataDir = tiller::paths::userStateDir() / "dialer" / ("cli-" + std::to_string(::getpid()));
        s.bindAddress = call.values.count("bind") ? call.values.at("bind") : "127.0.0.1";
        s.sipPort = port;
        s.headless = true;
        s.setupTimeoutMs = static_cast<long long>(number(call, "timeout", 30) * 1000);
        phone = std::make_unique<Phone>(host, std::make_unique<SipProvider>(s, clock), clock);
        phone->setRegistrationNeeded(false);
    }
    ~CliPhone() {
        auto dir = tiller::paths::userStateDir() / "dialer" / ("cli-" + std::to_string(::getpid()));
        phone.reset();
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    }
};

Json endedJson(const tel::CallEvent& e, long long logId, const tel::Caller* caller) {
    Json j{{"event", "ended"},          {"call_id", e.callId},   {"direction", e.direction == tel::Direction::incoming ? "incoming" : "outgoing"},
           {"number", e.remoteNumber},  {"result", tel::toString(e.result)}, {"reason", e.reason},
           {"ring_ms", e.ringMs},       {"talk_ms", e.talkMs},   {"log_id", logId}};
    if (caller) j["caller"] = callerJson(*caller);
    return j;
}

// Polls the phone every 20 ms until `done` or Ctrl+C.
void run(Phone& phone, const std::function<bool()>& done) {
    stopRequested = false;
    auto previous = std::signal(SIGINT, [](int) { stopRequested = true; });
    auto previousTerm = std::signal(SIGTERM, [](int) { stopRequested = true; });
    while (!done() && !stopRequested) {
        phone.poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    std::signal(SIGINT, previous);
    std::signal(SIGTERM, previousTerm);
}

void listenCommand(tiller::plugin::Registry& registry) {
    CliCommand listen;
    listen.name = "phone listen";
    listen.summary = "Take SIP calls on 127.0.0.1:PORT and print, for each, who is calling and how it ended";
    listen.options = {{.name = "sip-port", .help = "The UDP port to listen on", .required = true},
                      {.name = "once", .help = "Stop after the first call", .flag = true},
                      {.name = "answer-after", .help = "Answer each call after this many seconds"},
                      {.name = "hang-up-after", .help = "Hang up this many seconds after answering"},
                      {.name = "busy", .help = "Set the agent busy: calls are turned away", .flag = true},
                      {.name = "for", .help = "Stop after this many seconds"},
                      {.name = "bind", .help = "The address to listen on (127.0.0.1)"}};
    listen.permission = "dialer.use";
    listen.run = [](Host& host, const CliInvocation& call, std::ostream& out) {
        int port = static_cast<int>(number(call, "sip-port", 0));
        CliPhone cli(host, call, port);
        Phone& phone = *cli.phone;
        if (call.values.count("answer-after")) phone.setAutoAnswer(number(call, "answer-after", 0));
        if (call.values.count("busy")) phone.setAgentState(tel::AgentState::busy);
        double hangUpAfter = number(call, "hang-up-after", -1);
        std::map<std::string, tel::Caller> callers;
        int ended = 0;
        phone.onIncoming = [&](const ActiveCall& c) {
            callers[c.id] = c.caller;
            print(out, call.json,
                  Json{{"event", "incoming"}, {"call_id", c.id}, {"number", c.remoteNumber}, {"name", c.remoteName},
                       {"lookup_ms", c.lookupMs}, {"caller", callerJson(c.caller)}},
                  tr("Call from {1}: {2}", {c.remoteNumber.empty() ? "-" : c.remoteNumber, callerText(c.caller, c.remoteNumber)}));
        };
        phone.onEnded = [&](const tel::CallEvent& e, long long logId) {
            ++ended;
            auto it = callers.find(e.callId);
            print(out, call.json, endedJson(e, logId, it == callers.end() ? nullptr : &it->second),
                  tr("Call {1} ended: {2} (rang {3}, talked {4})",
                     {e.remoteNumber, tel::toString(e.result), clockText(e.ringMs), clockText(e.talkMs)}));
        };
        print(out, call.json, Json{{"event", "listening"}, {"sip_port", dynamic_cast<SipProvider&>(phone.provider()).sipPort()}},
              tr("Listening for calls on port {1}", {std::to_string(port)}));
        auto started = std::chrono::steady_clock::now();
        double limit = number(call, "for", 0);
        std::optional<std::chrono::steady_clock::time_point> finished;
        run(phone, [&] {
            if (hangUpAfter >= 0)
                for (const auto& c : phone.calls())
                    if (c.answeredAt && cli.clock.nowMs() - *c.answeredAt >= static_cast<long long>(hangUpAfter * 1000))
                        phone.hangUp(c.id);
            if (call.values.count("once") && ended > 0) {
                if (!finished) finished = std::chrono::steady_clock::now() + std::chrono::milliseconds(300);
                return std::chrono::steady_clock::now() >= *finished;  // the caller's last ACK answered
            }
            return limit > 0 && std::chrono::steady_clock::now() - started >= std::chrono::duration<double>(limit);
        });
        return 0;
    };
    registry.add(listen);
}

void callCommand(tiller::plugin::Registry& registry) {
    CliCommand dial;
    dial.name = "phone call";
    dial.summary = "Call NUMBER at a SIP address and print how the call ended";
    dial.argumentsName = "NUMBER";
    dial.options = {{.name = "to", .help = "Where the call goes: sip:USER@127.0.0.1:PORT", .required = true},
                    {.name = "sip-port", .help = "The local UDP port (any free one when not given)"},
                    {.name = "timeout", .help = "Give up when not answered after this many seconds (30)"},
                    {.name = "hang-up-after", .help = "Hang up this many seconds after the answer"},
                    {.name = "dtmf", .help = "Keys to send once answered, like 1234#"},
                    {.name = "bind", .help = "The address to send from (127.0.0.1)"}};
    dial.permission = "dialer.use";
    dial.run = [](Host& host, const CliInvocation& call, std::ostream& out) {
        if (call.arguments.size() != 1) throw tiller::ValidationError("NUMBER", tr("give one number to call"));
        int port = call.values.count("sip-port") ? static_cast<int>(number(call, "sip-port", 0)) : -1;
        CliPhone cli(host, call, port);
        Phone& phone = *cli.phone;
        double hangUpAfter = number(call, "hang-up-after", -1);
        std::string keys = call.values.count("dtmf") ? call.values.at("dtmf") : "";
        bool over = false, keysSent = false;
        phone.onEnded = [&](const tel::CallEvent& e, long long logId) {
            over = true;
            print(out, call.json, endedJson(e, logId, nullptr),
                  tr("Call {1} ended: {2} (rang {3}, talked {4}) {5}",
                     {e.remoteNumber, tel::toString(e.result), clockText(e.ringMs), clockText(e.talkMs), e.reason}));
        };
        std::string id = phone.dialTo(call.arguments[0], call.values.at("to"));
        auto finishing = std::chrono::steady_clock::time_point::max();
        run(phone, [&] {
            // A moment more after the end: the far end's last answer (a 487) still wants its ACK.
            if (over && finishing == std::chrono::steady_clock::time_point::max())
                finishing = std::chrono::steady_clock::now() + std::chrono::milliseconds(300);
            if (const auto* c = phone.call(id); c && c->answeredAt) {
                if (!keysSent && !keys.empty()) {
                    for (char k : keys) phone.provider().sendDtmf(id, k);
                    keysSent = true;
                }
                if (hangUpAfter >= 0 && cli.clock.nowMs() - *c->answeredAt >= static_cast<long long>(hangUpAfter * 1000))
                    phone.hangUp(id);
            }
            return over && std::chrono::steady_clock::now() >= finishing;
        });
        if (!over) {  // interrupted: hang up, and log the call before leaving
            try {
                phone.hangUp(id);
            } catch (const tel::Refused&) {  // it ended meanwhile
            }
            auto until = std::chrono::steady_clock::now() + std::chrono::seconds(2);
            while (!over && std::chrono::steady_clock::now() < until) {
                phone.poll();
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        }
        return 0;  // the call was placed; how it ended is in the output
    };
    registry.add(dial);
}

}  // namespace

void contributePhoneCommands(tiller::plugin::Registry& registry) {
    listenCommand(registry);
    callCommand(registry);
}

}  // namespace dialer
