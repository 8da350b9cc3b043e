// Where the phone's settings live (SPEC §7.1):
// - the office's, in the company database (every PC sees them): the PBX's address and
//   transport, whether calls are recorded, how long an unanswered call rings;
// - this PC's, in a file (<config>/dialer.yaml): the extension bound to the PC (分机绑定:
//   whoever signs in here uses it), more accounts, sound devices, codecs, the SIP port;
// - passwords, in the desktop keyring (kind "sip", key "USER@SERVER"), never in a file.
// Without an extension bound to the PC, the signed-in person's own extension (Settings >
// People) is used with the office's PBX.
#pragma once

#include <tiller/plugin/host.hpp>
#include <tiller/telephony/provider.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace dialer {

enum class Recording { off, onDemand, always };

struct OfficePhone {
    std::string server;  // "192.0.2.10:5060", "pbx.example"
    tiller::telephony::Transport transport = tiller::telephony::Transport::udp;
    std::string outboundProxy;
    Recording recording = Recording::off;
    int ringSeconds = 30;  // an outgoing call unanswered this long ends as "no answer"
};

struct PcPhone {
    std::vector<tiller::telephony::Account> accounts;  // without passwords
    std::string playbackDevice, captureDevice, ringerDevice;
    std::vector<std::string> codecs;
    int sipPort = 5060;
    std::string bindAddress;  // "" = every interface
    std::string ringFile;     // the ringing sound (a WAV); "" = liblinphone's own
    bool soundFiles = false;  // no sound card: play and record files
};

OfficePhone loadOfficePhone(tiller::db::Database& database);
// Needs dialer.configure. ValidationError naming the field for a blank server with accounts
// depending on it, or ring seconds outside 5-300.
void saveOfficePhone(tiller::plugin::Host& host, const OfficePhone& office);

std::filesystem::path pcPhoneFile();  // <config>/dialer.yaml
// Reads `file` (pcPhoneFile() by default); defaults when it does not exist. A malformed file
// throws ValidationError with the file and line, and nothing is changed.
PcPhone loadPcPhone(const std::filesystem::path& file = pcPhoneFile());
// Written through a temporary file, so a crash leaves the old one.
void savePcPhone(const PcPhone& pc, const std::filesystem::path& file = pcPhoneFile());

// The accounts to register: the PC's, else the signed-in person's extension on the office PBX;
// each with its password from the keyring ("" when none is stored).
std::vector<tiller::telephony::Account> accountsToRegister(tiller::plugin::Host& host, const OfficePhone& office,
                                                           const PcPhone& pc);
std::string keyringKey(const tiller::telephony::Account& account);  // "8001@pbx.example"

const char* toString(Recording recording);  // "off", "on_demand", "always"
std::optional<Recording> recordingFrom(const std::string& text);
const char* toString(tiller::telephony::Transport transport);  // "udp", "tcp", "tls"
std::optional<tiller::telephony::Transport> transportFrom(const std::string& text);

}  // namespace dialer
