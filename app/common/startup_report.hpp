// Start-up figures a program prints about itself at its first idle moment, for the start-up
// benchmark (tests/bench/bench_startup): the wall-clock time then, time since the kernel
// started the process, and resident memory. Linux only (/proc).
#pragma once

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <time.h>
#include <unistd.h>

namespace tiller::app {

inline std::string startupReport() {
    auto nowUnixMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    // Field 22 of /proc/self/stat: start time in clock ticks after boot.
    double sinceStartMs = -1;
    std::ifstream stat("/proc/self/stat");
    std::string content((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    auto close = content.rfind(')');
    if (close != std::string::npos) {
        std::istringstream fields(content.substr(close + 2));
        std::string field;
        for (int i = 3; i <= 22 && fields >> field; ++i) {
            if (i == 22) {
                timespec boot{};
                clock_gettime(CLOCK_BOOTTIME, &boot);
                double nowMs = boot.tv_sec * 1000.0 + boot.tv_nsec / 1e6;
                sinceStartMs = nowMs - std::stod(field) * 1000.0 / sysconf(_SC_CLK_TCK);
            }
        }
    }
    double rssMb = -1;
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmRSS:", 0) == 0) rssMb = std::stod(line.substr(6)) / 1024.0;
    char text[160];
    std::snprintf(text, sizeof text, "idle_at_unix_ms=%lld\nstartup_to_idle_ms=%.0f\nstartup_rss_mb=%.1f\n",
                  static_cast<long long>(nowUnixMs), sinceStartMs, rssMb);
    return text;
}

}  // namespace tiller::app
