// Sample customers for `tiller --demo` and `tiller-cli demo --customers N`: a realistic mix of
// Chinese and English companies with two contacts each, filled in one transaction together with
// their entries in the phone and search indexes.
#pragma once

#include <tiller/jobs/progress.hpp>
#include <tiller/plugin/host.hpp>

namespace contacts {

// Returns how many customers were added; a cancel (JobCancelled) leaves none.
long long addDemoCustomers(tiller::plugin::Host& host, int count, tiller::jobs::Progress& progress);

}  // namespace contacts
