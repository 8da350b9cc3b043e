// The time, as something that can be replaced: lockouts, recalls and SLA timers are tested with
// a clock the test moves.
#pragma once

#include <chrono>

namespace tiller {

class Clock {
public:
    virtual ~Clock() = default;
    virtual long long nowMs() const = 0;  // UTC milliseconds since 1970
};

class SystemClock : public Clock {
public:
    long long nowMs() const override {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    }
};

// A clock that stands still until told to move; for tests.
class ManualClock : public Clock {
public:
    explicit ManualClock(long long startMs) : now_(startMs) {}
    long long nowMs() const override { return now_; }
    void advanceMinutes(long long minutes) { now_ += minutes * 60'000; }

private:
    long long now_;
};

}  // namespace tiller
