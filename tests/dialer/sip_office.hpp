// A Tiller phone for the SIP tests: the dialer's Phone on a real liblinphone SipProvider, headless
// (sound from and to files), bound to 127.0.0.1 on a free port, in an office with a known
// customer; and sipp, run from tests/fixtures/sipp, as the other side.
#pragma once

#include "dialer_shop.hpp"

#include "core/sip_provider.hpp"

#include <tiller/log/log.hpp>

#include "background_process.hpp"
#include "temp_dir.hpp"

#include <chrono>
#include <functional>
#include <thread>

namespace dialer::test {

struct SipPhone {
    tiller::SystemClock clock;
    SipProvider* sip = nullptr;
    std::unique_ptr<Phone> phone;
    int port = 0;
    std::vector<ActiveCall> incoming;
    std::vector<std::pair<tiller::telephony::CallEvent, long long>> ended;

    SipPhone(tiller::plugin::Host& host, const std::filesystem::path& dir, long long setupTimeoutMs = 30000,
             int noMediaTimeoutSeconds = 30, const std::filesystem::path& recordings = {}) {
        // TILLER_SIP_DEBUG=1: liblinphone's whole story on the console, to see why a call went wrong.
        if (std::getenv("TILLER_SIP_DEBUG")) {
            tiller::log::Options debug;
            debug.stderrLevel = tiller::log::Level::debug;
            tiller::log::init(debug);
        }
        SipSettings s;
        s.dataDir = dir;
        s.bindAddress = "127.0.0.1";
        s.sipPort = port = tiller::test::freeUdpPort();
        s.headless = true;
        s.setupTimeoutMs = setupTimeoutMs;
        s.registrationTimeoutMs = 3000;
        s.noMediaTimeoutSeconds = noMediaTimeoutSeconds;
        s.recordingsDir = recordings;
        auto provider = std::make_unique<SipProvider>(s, clock);
        sip = provider.get();
        phone = std::make_unique<Phone>(host, std::move(provider), clock);
        phone->setRegistrationNeeded(false);
        phone->onIncoming = [this](const ActiveCall& c) { incoming.push_back(c); };
        phone->onEnded = [this](const tiller::telephony::CallEvent& e, long long id) { ended.emplace_back(e, id); };
    }

    // Polls as the GUI's timer does until `done` or `limit` passes; true when done.
    bool pollUntil(const std::function<bool()>& done, std::chrono::milliseconds limit = std::chrono::seconds(15)) {
        auto until = std::chrono::steady_clock::now() + limit;
        while (!done()) {
            if (std::chrono::steady_clock::now() > until) return false;
            phone->poll();
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return true;
    }
};

inline std::string sippScenario(const std::string& name) { return std::string(TILLER_FIXTURES) + "/sipp/" + name; }

// sipp calling 127.0.0.1:port from `user` (the caller ID) with `name` as display name; it hangs
// up `pauseMs` after an answer (uac_caller.xml) or gives up after ringing that long (uac_cancel.xml).
inline std::unique_ptr<tiller::test::BackgroundProcess> sippCalls(const tiller::test::TempDir& dir, int port, const std::string& user,
                                                                  const std::string& name, int pauseMs = 1000,
                                                                  const std::string& host = "127.0.0.1",
                                                                  const std::string& scenario = "uac_caller.xml") {
    static int n = 0;
    int local = tiller::test::freeUdpPort();
    return std::make_unique<tiller::test::BackgroundProcess>(
        std::vector<std::string>{"sipp", "-sf", sippScenario(scenario), "127.0.0.1:" + std::to_string(port), "-i", "127.0.0.1",
                                 "-p", std::to_string(local), "-m", "1", "-nostdin", "-d", std::to_string(pauseMs), "-set", "caller_name",
                                 name, "-set", "caller_user", user, "-set", "caller_host", host, "-timeout", "30s"},
        dir / ("sipp-uac-" + std::to_string(++n) + ".log"));
}

// sipp answering on a free port with `scenario`; `port` is set to it.
inline std::unique_ptr<tiller::test::BackgroundProcess> sippAnswers(const tiller::test::TempDir& dir, const std::string& scenario,
                                                                    int& port) {
    port = tiller::test::freeUdpPort();
    auto peer = std::make_unique<tiller::test::BackgroundProcess>(
        std::vector<std::string>{"sipp", "-sf", sippScenario(scenario), "-i", "127.0.0.1", "-p", std::to_string(port), "-m", "1",
                                 "-nostdin", "-timeout", "30s"},
        dir / ("sipp-" + scenario + ".log"));
    for (int i = 0; i < 100 && !tiller::test::udpPortBound(port); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    return peer;
}

}  // namespace dialer::test
