// Long jobs (import, export, demo data, recalculation) report progress and honour Cancel the
// same way everywhere (Audacity's BasicUI pattern): core code calls poll(done, total); the GUI
// answers with a progress dialog, tiller-cli with a text bar, a test by counting. A cancelled
// job throws JobCancelled from inside its transaction, so the data stays as it was.
#pragma once

#include <tiller/errors.hpp>

#include <string>

namespace tiller::jobs {

enum class Verdict { proceed, cancel };

class Progress {
public:
    virtual ~Progress() = default;
    virtual Verdict poll(long long done, long long total) = 0;
};

// For callers that show nothing and never cancel.
class Silent : public Progress {
public:
    Verdict poll(long long, long long) override { return Verdict::proceed; }
};

class JobCancelled : public Error {
public:
    JobCancelled() : Error("cancelled; nothing was changed") {}
};

// Polls and throws JobCancelled when the person cancelled.
inline void checkpoint(Progress& progress, long long done, long long total) {
    if (progress.poll(done, total) == Verdict::cancel) throw JobCancelled();
}

}  // namespace tiller::jobs
