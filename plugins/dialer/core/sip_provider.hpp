// The SIP softphone (SPEC §7.1): a telephony::Provider on liblinphone 5.1. liblinphone is
// single-threaded: everything runs inside poll() (Core::iterate) on the caller's thread, which
// the GUI calls from a 20 ms timer on the UI thread, so its events reach the phone bar without
// crossing threads. With `headless`, sound comes from and goes to files (tests, servers without
// a sound card). Part of the dialer plugin, GPL-3.0-or-later because liblinphone is.
#pragma once

#include <tiller/clock.hpp>
#include <tiller/telephony/provider.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dialer {

struct SipSettings {
    std::filesystem::path dataDir;  // liblinphone's config, call history and state: never $HOME
    std::string bindAddress;        // "" = every interface; tests use 127.0.0.1
    int sipPort = 5060;             // UDP (and TCP when an account uses it); -1 = any free port
    bool tcp = false, tls = false;
    bool headless = false;          // no sound card: play `playFile`, record to files
    std::filesystem::path playFile; // headless: what the other side hears (a WAV)
    std::string playbackDevice, captureDevice, ringerDevice;  // "" = the system's default
    std::vector<std::string> codecs;  // enabled audio codecs by mime type ("opus", "PCMA"); empty = all
    std::filesystem::path ringFile;   // "" = liblinphone's own ring
    long long setupTimeoutMs = 30000; // an outgoing call unanswered this long ends as no answer
    long long registrationTimeoutMs = 10000;  // no answer from the server this long: failed (liblinphone waits 32 s)
    int noMediaTimeoutSeconds = 30;  // a call whose sound stopped this long is over (the network dropped)
    std::filesystem::path recordingsDir;  // where recordings go
    std::string userAgent = "Tiller";
};

struct AudioDevices {
    std::vector<std::pair<std::string, std::string>> playback, capture;  // (id, name)
};

class SipProvider : public tiller::telephony::Provider {
public:
    SipProvider(SipSettings settings, const tiller::Clock& clock);
    ~SipProvider() override;

    std::string name() const override { return "sip"; }
    void addAccount(const tiller::telephony::Account& account) override;
    void removeAccount(const std::string& accountId) override;
    std::string dial(const std::string& target, const std::string& accountId = {}) override;
    void answer(const std::string& callId) override;
    void reject(const std::string& callId, bool busy) override;
    void hangUp(const std::string& callId) override;
    void hold(const std::string& callId) override;
    void resume(const std::string& callId) override;
    void transfer(const std::string& callId, const std::string& target) override;
    void transferToConsultation(const std::string& callId, const std::string& consultationId) override;
    void conference(const std::string& callId, const std::string& otherCallId) override;
    void sendDtmf(const std::string& callId, char digit) override;
    void setMuted(bool muted) override;
    bool muted() const override;
    void poll() override;

    // Records the call into a new file in recordingsDir; Refused when recordingsDir is not set.
    std::string startRecording(const std::string& callId) override;
    // Plays a recording on the sound card (the call log's play button); replaces one playing.
    void play(const std::filesystem::path& file);
    void stopPlaying();
    // The port SIP listens on (the chosen one when sipPort was -1).
    int sipPort() const;
    AudioDevices audioDevices() const;
    std::vector<std::string> availableCodecs() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace dialer
