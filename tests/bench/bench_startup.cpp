// Start-up benchmark: process start to the first idle event of the main window, and resident
// memory then, for tiller with all built-in plugins and for a bare wxWidgets frame, each the
// median of several runs on one private Xvfb server. With --customers N it also fills a
// database with N demo customers and reports the peak resident memory of tiller showing the
// customer list (rss_mb, issue 7: under 200 MB at a million).
//
//   bench_startup [--runs N] [--customers N]
#include <tiller/util/process.hpp>

#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>
#include <thread>
#include <vector>

extern char** environ;

namespace {

struct Figures {
    double startupMs;
    double rssMb;
};

long long nowUnixMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::map<std::string, std::string> parse(const std::string& text) {
    std::map<std::string, std::string> values;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (auto eq = line.find('='); eq != std::string::npos) values[line.substr(0, eq)] = line.substr(eq + 1);
    return values;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? -1 : v[v.size() / 2];
}

// A private X server, so no other program's windows or state affect the figures.
pid_t startXvfb(int& display) {
    for (display = 91; display < 140; ++display) {
        if (std::filesystem::exists("/tmp/.X" + std::to_string(display) + "-lock")) continue;
        std::string name = ":" + std::to_string(display);
        const char* argv[] = {"Xvfb", name.c_str(), "-screen", "0", "1280x800x24", "-nolisten", "tcp", nullptr};
        pid_t pid = 0;
        if (posix_spawnp(&pid, "Xvfb", nullptr, nullptr, const_cast<char**>(argv), environ) != 0) return -1;
        auto socket = "/tmp/.X11-unix/X" + std::to_string(display);
        for (int i = 0; i < 100 && !std::filesystem::exists(socket); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        if (std::filesystem::exists(socket)) return pid;
        kill(pid, SIGTERM);
        waitpid(pid, nullptr, 0);
    }
    return -1;
}

std::vector<Figures> measure(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
                             int runs) {
    std::vector<Figures> all;
    for (int i = 0; i < runs + 1; ++i) {  // the first run warms caches and migrates; not counted
        long long spawned = nowUnixMs();
        auto r = tiller::util::runProcess(argv, env);
        auto values = parse(r.out);
        if (r.exitCode != 0 || !values.count("idle_at_unix_ms")) {
            std::fprintf(stderr, "bench_startup: %s failed (%d): %s\n", argv[0].c_str(), r.exitCode, r.err.c_str());
            std::exit(1);
        }
        if (i == 0) continue;
        all.push_back({static_cast<double>(std::stoll(values["idle_at_unix_ms"]) - spawned),
                       std::stod(values["startup_rss_mb"])});
    }
    return all;
}

// The peak resident set of one run of `argv`, measured in a forked child so that no other
// program this benchmark ran (the demo fill) counts: getrusage(RUSAGE_CHILDREN) reports the
// largest waited-for descendant.
double peakRssMb(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env) {
    int pipeFds[2];
    if (pipe(pipeFds) != 0) return -1;
    pid_t child = fork();
    if (child == 0) {
        close(pipeFds[0]);
        auto r = tiller::util::runProcess(argv, env);
        rusage usage{};
        getrusage(RUSAGE_CHILDREN, &usage);
        double mb = r.exitCode == 0 ? usage.ru_maxrss / 1024.0 : -1;
        if (r.exitCode != 0) std::fprintf(stderr, "bench_startup: %s failed (%d): %s\n", argv[0].c_str(), r.exitCode, r.err.c_str());
        [[maybe_unused]] auto written = write(pipeFds[1], &mb, sizeof mb);
        _exit(0);
    }
    close(pipeFds[1]);
    double mb = -1;
    if (read(pipeFds[0], &mb, sizeof mb) != sizeof mb) mb = -1;
    close(pipeFds[0]);
    waitpid(child, nullptr, 0);
    return mb;
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 7;
    long long customers = 0;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::string(argv[i]) == "--runs") runs = std::max(1, std::atoi(argv[i + 1]));
        if (std::string(argv[i]) == "--customers") customers = std::max(0LL, std::atoll(argv[i + 1]));
    }
    auto bin = std::filesystem::read_symlink("/proc/self/exe").parent_path();
    auto scratch = std::filesystem::temp_directory_path() / ("tiller-bench-startup-" + std::to_string(getpid()));
    std::filesystem::create_directories(scratch);

    int display = 0;
    pid_t xvfb = startXvfb(display);
    if (xvfb < 0) {
        std::fprintf(stderr, "bench_startup: cannot start Xvfb (install xvfb)\n");
        return 1;
    }
    std::map<std::string, std::string> env = {{"DISPLAY", ":" + std::to_string(display)},
                                              {"XDG_CONFIG_HOME", (scratch / "config").string()},
                                              {"XDG_DATA_HOME", (scratch / "data").string()},
                                              {"XDG_STATE_HOME", (scratch / "state").string()},
                                              {"TILLER_DB", ""}};
    auto tiller = measure({(bin / "tiller").string(), "--exit-when-idle", "--report-startup"}, env, runs);
    auto bare = measure({(bin / "bench_bare_frame").string()}, env, runs);
    double listRss = -1, fillS = -1;
    if (customers > 0) {
        auto dbUrl = "sqlite:" + (scratch / "customers.db").string();
        auto started = nowUnixMs();
        auto fill = tiller::util::runProcess({(bin / "tiller-cli").string(), "--db", dbUrl, "demo", "--customers",
                                              std::to_string(customers)},
                                             env);
        fillS = (nowUnixMs() - started) / 1000.0;
        if (fill.exitCode != 0) {
            std::fprintf(stderr, "bench_startup: demo fill failed: %s\n", fill.err.c_str());
            return 1;
        }
        std::vector<double> peaks;
        for (int i = 0; i < std::min(runs, 3); ++i)
            peaks.push_back(peakRssMb({(bin / "tiller").string(), "--db", dbUrl, "--open", "contacts.customers",
                                       "--screenshot", (scratch / "list.png").string()},
                                      env));
        listRss = median(peaks);
    }
    kill(xvfb, SIGTERM);
    waitpid(xvfb, nullptr, 0);
    std::filesystem::remove_all(scratch);

    auto pick = [](const std::vector<Figures>& f, double Figures::*field) {
        std::vector<double> v;
        for (const auto& x : f) v.push_back(x.*field);
        return median(v);
    };
    std::printf("runs=%d (median)\n", runs);
    std::printf("startup_to_idle_ms=%.0f\n", pick(tiller, &Figures::startupMs));
    std::printf("startup_rss_mb=%.1f\n", pick(tiller, &Figures::rssMb));
    std::printf("bare_wx_frame_startup_to_idle_ms=%.0f\n", pick(bare, &Figures::startupMs));
    std::printf("bare_wx_frame_rss_mb=%.1f\n", pick(bare, &Figures::rssMb));
    if (customers > 0) {
        std::printf("customers=%lld (demo fill %.0f s)\n", customers, fillS);
        std::printf("rss_mb=%.1f (peak, customer list open)\n", listRss);
    }
    return 0;
}
