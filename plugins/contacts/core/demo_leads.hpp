// Sample leads for `tiller --demo` and `tiller-cli demo`: five per hundred customers, from the
// usual sources and at every status, a third of them in the public pool; and one demo customer
// in twenty moved to the public pool, so that the pool views have something to claim.
#pragma once

#include <tiller/jobs/progress.hpp>
#include <tiller/plugin/host.hpp>

namespace contacts {

struct DemoLeads {
    long long leads = 0;
    long long pooled = 0;  // customers moved to the pool
};

// `customers` is how many demo customers were just added (the newest ones).
DemoLeads addDemoLeads(tiller::plugin::Host& host, int customers, tiller::jobs::Progress& progress);

}  // namespace contacts
