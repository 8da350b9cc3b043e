// A real SMTP server on 127.0.0.1 for the mail tests: Debian's python3-aiosmtpd, started on a
// free port, keeping what it receives in a Maildir; stopped when the object goes away.
#pragma once

#include "background_process.hpp"
#include "temp_dir.hpp"

#include <sys/types.h>

#include <string>
#include <vector>

namespace tiller::test {

class SmtpSink {
public:
    // `refuseRecipients`: answer every RCPT with 550 (a server that refuses).
    explicit SmtpSink(bool refuseRecipients = false);
    ~SmtpSink();
    SmtpSink(const SmtpSink&) = delete;
    SmtpSink& operator=(const SmtpSink&) = delete;

    int port() const { return port_; }
    // The raw messages received so far, oldest first.
    std::vector<std::string> messages() const;
    void stop();

private:
    TempDir dir_;
    int port_ = 0;
    pid_t pid_ = -1;
};

}  // namespace tiller::test
