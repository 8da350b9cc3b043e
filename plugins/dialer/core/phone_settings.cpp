#include "core/phone_settings.hpp"
#include "core/dialer_text.hpp"

#include <tiller/errors.hpp>
#include <tiller/identity/people.hpp>
#include <tiller/paths.hpp>
#include <tiller/secrets/keyring.hpp>
#include <tiller/settings_store.hpp>

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>

namespace dialer {
namespace {

namespace tel = tiller::telephony;

constexpr const char* kOwner = "dialer";

// A PC file problem, with its file and line (1-based; 0 for the whole file).
[[noreturn]] void bad(const std::filesystem::path& file, const YAML::Node& node, const std::string& key, const std::string& why) {
    throw tiller::ConfigError(file.string(), node.Mark().is_null() ? 0 : node.Mark().line + 1, key, why);
}

std::string text(const std::filesystem::path& file, const YAML::Node& map, const std::string& key) {
    auto node = map[key];
    if (!node) return {};
    if (!node.IsScalar()) bad(file, node, key, "must be a text");
    return node.Scalar();
}

}  // namespace

const char* toString(Recording r) {
    switch (r) {
        case Recording::onDemand: return "on_demand";
        case Recording::always: return "always";
        default: return "off";
    }
}
std::optional<Recording> recordingFrom(const std::string& t) {
    if (t == "off") return Recording::off;
    if (t == "on_demand") return Recording::onDemand;
    if (t == "always") return Recording::always;
    return std::nullopt;
}
const char* toString(tel::Transport t) {
    switch (t) {
        case tel::Transport::tcp: return "tcp";
        case tel::Transport::tls: return "tls";
        default: return "udp";
    }
}
std::optional<tel::Transport> transportFrom(const std::string& t) {
    if (t == "udp" || t.empty()) return tel::Transport::udp;
    if (t == "tcp") return tel::Transport::tcp;
    if (t == "tls") return tel::Transport::tls;
    return std::nullopt;
}

OfficePhone loadOfficePhone(tiller::db::Database& database) {
    tiller::SettingsStore store(database, kOwner);
    OfficePhone office;
    office.server = store.get("server", "");
    office.transport = transportFrom(store.get("transport", "udp")).value_or(tel::Transport::udp);
    office.outboundProxy = store.get("outbound_proxy", "");
    office.recording = recordingFrom(store.get("recording", "off")).value_or(Recording::off);
    try {
        office.ringSeconds = std::stoi(store.get("ring_seconds", "30"));
    } catch (const std::exception&) {
        office.ringSeconds = 30;
    }
    return office;
}

void saveOfficePhone(tiller::plugin::Host& host, const OfficePhone& office) {
    host.require("dialer.configure");
    if (office.ringSeconds < 5 || office.ringSeconds > 300)
        throw tiller::ValidationError("ring_seconds", tr("an unanswered call rings between 5 and 300 seconds"));
    if (office.server.find_first_of(" \t/") != std::string::npos)
        throw tiller::ValidationError("server", tr("'{1}' is not a server address (a name or IP, and a port if not 5060)", {office.server}));
    tiller::SettingsStore store(host.database(), kOwner);
    store.set("server", office.server);
    store.set("transport", toString(office.transport));
    store.set("outbound_proxy", office.outboundProxy);
    store.set("recording", toString(office.recording));
    store.set("ring_seconds", std::to_string(office.ringSeconds));
}

std::filesystem::path pcPhoneFile() { return tiller::paths::userConfigDir() / "dialer.yaml"; }

PcPhone loadPcPhone(const std::filesystem::path& file) {
    PcPhone pc;
    if (!std::filesystem::exists(file)) return pc;
    std::ifstream in(file, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    YAML::Node root;
    try {
        root = YAML::Load(content.str());
    } catch (const YAML::Exception& e) {
        throw tiller::ConfigError(file.string(), e.mark.is_null() ? 0 : e.mark.line + 1, "", "is not valid YAML: " + e.msg);
    }
    if (!root || root.IsNull()) return pc;
    if (!root.IsMap()) bad(file, root, "", "must be a map of settings");
    if (auto accounts = root["accounts"]) {
        if (!accounts.IsSequence()) bad(file, accounts, "accounts", "must be a list");
        for (const auto& a : accounts) {
            if (!a.IsMap()) bad(file, a, "accounts", "each account must be a map");
            tel::Account account;
            account.id = text(file, a, "id");
            account.server = text(file, a, "server");
            account.user = text(file, a, "user");
            account.displayName = text(file, a, "display_name");
            account.outboundProxy = text(file, a, "outbound_proxy");
            auto transport = transportFrom(text(file, a, "transport"));
            if (!transport) bad(file, a["transport"], "transport", "must be udp, tcp or tls");
            account.transport = *transport;
            if (account.user.empty()) bad(file, a, "user", "an account needs its user (the extension)");
            if (account.server.empty()) bad(file, a, "server", "an account needs its server");
            if (account.id.empty()) account.id = account.user + "@" + account.server;
            pc.accounts.push_back(account);
        }
    }
    pc.playbackDevice = text(file, root, "playback_device");
    pc.captureDevice = text(file, root, "capture_device");
    pc.ringerDevice = text(file, root, "ringer_device");
    pc.bindAddress = text(file, root, "bind_address");
    pc.ringFile = text(file, root, "ring_file");
    if (!pc.ringFile.empty() && !std::filesystem::exists(pc.ringFile))
        bad(file, root["ring_file"], "ring_file", "names a file that is not there: " + pc.ringFile);
    if (auto files = root["sound_files"]) {
        if (!files.IsScalar() || (files.Scalar() != "true" && files.Scalar() != "false"))
            bad(file, files, "sound_files", "must be true or false");
        pc.soundFiles = files.Scalar() == "true";
    }
    if (auto codecs = root["codecs"]) {
        if (!codecs.IsSequence()) bad(file, codecs, "codecs", "must be a list of codec names");
        for (const auto& c : codecs) pc.codecs.push_back(c.Scalar());
    }
    if (auto port = root["sip_port"]) {
        try {
            pc.sipPort = port.as<int>();
        } catch (const YAML::Exception&) {
            bad(file, port, "sip_port", "must be a port number");
        }
        if (pc.sipPort < 1 || pc.sipPort > 65535) bad(file, port, "sip_port", "must be between 1 and 65535");
    }
    return pc;
}

void savePcPhone(const PcPhone& pc, const std::filesystem::path& file) {
    YAML::Emitter out;
    out << YAML::BeginMap;
    out << YAML::Key << "accounts" << YAML::Value << YAML::BeginSeq;
    for (const auto& a : pc.accounts) {
        out << YAML::BeginMap << YAML::Key << "id" << YAML::Value << a.id << YAML::Key << "server" << YAML::Value << a.server
            << YAML::Key << "user" << YAML::Value << a.user << YAML::Key << "display_name" << YAML::Value << a.displayName
            << YAML::Key << "transport" << YAML::Value << toString(a.transport) << YAML::Key << "outbound_proxy" << YAML::Value
            << a.outboundProxy << YAML::EndMap;
    }
    out << YAML::EndSeq;
    out << YAML::Key << "playback_device" << YAML::Value << pc.playbackDevice;
    out << YAML::Key << "capture_device" << YAML::Value << pc.captureDevice;
    out << YAML::Key << "ringer_device" << YAML::Value << pc.ringerDevice;
    out << YAML::Key << "codecs" << YAML::Value << YAML::Flow << pc.codecs;
    out << YAML::Key << "sip_port" << YAML::Value << pc.sipPort;
    out << YAML::Key << "bind_address" << YAML::Value << pc.bindAddress;
    out << YAML::Key << "ring_file" << YAML::Value << pc.ringFile;
    out << YAML::Key << "sound_files" << YAML::Value << pc.soundFiles;
    out << YAML::EndMap;
    std::filesystem::create_directories(file.parent_path());
    auto temporary = file;
    temporary += ".new";
    {
        std::ofstream f(temporary, std::ios::binary | std::ios::trunc);
        f << "# Tiller's phone on this PC (the dialer plugin). Passwords are in the desktop keyring.\n" << out.c_str() << "\n";
        if (!f.flush()) throw tiller::Error(tr("cannot write {1} (disk full or not permitted)", {temporary.string()}));
    }
    std::filesystem::rename(temporary, file);
}

std::string keyringKey(const tel::Account& account) { return account.user + "@" + account.server; }

std::vector<tel::Account> accountsToRegister(tiller::plugin::Host& host, const OfficePhone& office, const PcPhone& pc) {
    std::vector<tel::Account> accounts = pc.accounts;
    if (accounts.empty() && !office.server.empty()) {
        if (auto me = host.actingUser()) {
            tiller::SystemClock clock;
            auto user = tiller::identity::UserDirectory(host.database(), clock, {me}).find(*me);
            if (user && !user->extension.empty()) {
                tel::Account mine;
                mine.id = "extension";
                mine.server = office.server;
                mine.user = user->extension;
                mine.displayName = user->name.empty() ? user->login : user->name;
                mine.transport = office.transport;
                mine.outboundProxy = office.outboundProxy;
                accounts.push_back(mine);
            }
        }
    }
    for (auto& a : accounts) a.password = tiller::secrets::secret("sip", keyringKey(a)).value_or("");
    return accounts;
}

}  // namespace dialer
