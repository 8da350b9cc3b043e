// tiller-cli's answer to jobs::Progress: a bar on stderr when stderr is a terminal (scripts and
// tests see nothing), never cancelling (Ctrl+C ends the process, and the open transaction with it).
#pragma once

#include <tiller/jobs/progress.hpp>

#include <unistd.h>

#include <cstdio>

namespace tiller::cli {

class TextProgress : public jobs::Progress {
public:
    explicit TextProgress(const char* label) : label_(label), terminal_(isatty(STDERR_FILENO)) {}
    ~TextProgress() override {
        if (terminal_ && drawn_) std::fputc('\n', stderr);
    }
    jobs::Verdict poll(long long done, long long total) override {
        if (!terminal_ || total <= 0) return jobs::Verdict::proceed;
        int width = 40, filled = static_cast<int>(done * width / total);
        std::fprintf(stderr, "\r%s [%.*s%*s] %lld/%lld", label_, filled, "########################################",
                     width - filled, "", done, total);
        std::fflush(stderr);
        drawn_ = true;
        return jobs::Verdict::proceed;
    }

private:
    const char* label_;
    bool terminal_;
    bool drawn_ = false;
};

}  // namespace tiller::cli
