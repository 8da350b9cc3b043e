#include "smtp_sink.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace tiller::test {
namespace {

bool accepts(int port) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return ok;
}

}  // namespace

SmtpSink::SmtpSink(bool refuseRecipients) : port_(freeLoopbackPort()) {
    std::string listen = "127.0.0.1:" + std::to_string(port_);
    std::string maildir = (dir_ / "mail").string();
    std::vector<std::string> args{"/usr/bin/python3", "-m", "aiosmtpd", "-n", "-l", listen};
    if (refuseRecipients)
        args.insert(args.end(), {"-c", "refusing_handler.Refuse"});
    else
        args.insert(args.end(), {"-c", "aiosmtpd.handlers.Mailbox", maildir});
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    // The refusing handler lives beside the mail tests.
    std::string pythonPath = "PYTHONPATH=" + std::string(TILLER_MAIL_TEST_DIR);
    std::vector<char*> env;
    for (char** e = environ; *e; ++e) env.push_back(*e);
    env.push_back(pythonPath.data());
    env.push_back(nullptr);
    if (posix_spawn(&pid_, argv[0], nullptr, nullptr, argv.data(), env.data()) != 0)
        throw std::runtime_error("cannot start aiosmtpd (install python3-aiosmtpd)");
    for (int i = 0; i < 100 && !accepts(port_); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (!accepts(port_)) throw std::runtime_error("aiosmtpd did not start on " + listen);
}

SmtpSink::~SmtpSink() { stop(); }

void SmtpSink::stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
}

std::vector<std::string> SmtpSink::messages() const {
    std::vector<std::filesystem::path> files;
    for (const char* sub : {"new", "cur"}) {
        auto folder = dir_ / "mail" / sub;
        if (std::filesystem::exists(folder))
            for (const auto& f : std::filesystem::directory_iterator(folder)) files.push_back(f.path());
    }
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
        return std::filesystem::last_write_time(a) < std::filesystem::last_write_time(b);
    });
    std::vector<std::string> out;
    for (const auto& f : files) out.push_back(readFile(f));
    return out;
}

}  // namespace tiller::test
