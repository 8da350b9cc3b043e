// A program the SIP tests talk to (sipp, Kamailio), started in the background with its output
// in a log file, and stopped when the object goes away.
#pragma once

#include <sys/socket.h>
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tiller::test {

class BackgroundProcess {
public:
    // argv[0] is looked up on PATH; `environment` is added to this process's. Throws when it
    // cannot be started.
    BackgroundProcess(std::vector<std::string> argv, std::filesystem::path log,
                      const std::map<std::string, std::string>& environment = {});
    ~BackgroundProcess();
    BackgroundProcess(const BackgroundProcess&) = delete;
    BackgroundProcess& operator=(const BackgroundProcess&) = delete;

    // The exit code once it has ended; nullopt while it runs.
    std::optional<int> exited();
    // Waits up to `limit` for the end; nullopt (and still running) when it did not come.
    std::optional<int> wait(std::chrono::milliseconds limit);
    void stop();  // SIGTERM, then SIGKILL after a second
    const std::filesystem::path& log() const { return log_; }
    pid_t pid() const { return pid_; }

private:
    pid_t pid_ = -1;
    std::optional<int> status_;
    std::filesystem::path log_;
};

// A port on 127.0.0.1 nobody uses right now: TCP (SOCK_STREAM) or UDP (SOCK_DGRAM).
int freeLoopbackPort(int socketType = SOCK_STREAM);
inline int freeUdpPort() { return freeLoopbackPort(SOCK_DGRAM); }
// Whether something listens on UDP 127.0.0.1:port.
bool udpPortBound(int port);

}  // namespace tiller::test
