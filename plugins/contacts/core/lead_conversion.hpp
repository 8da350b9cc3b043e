// The extension point of a lead's conversion (SPEC §2.8: lead -> customer + contact +
// opportunity). contacts provides the LeadConversionSteps service; a plugin that wants its own
// record made in the same conversion (opportunities: the first opportunity) adds a step in its
// start() and removes it in stop(). Steps run inside the conversion's transaction, after the
// customer and contact exist and the lead is marked converted: a step that throws undoes the
// whole conversion, so there is never a customer without the opportunity it should have had.
// Header-only: a plugin includes it without linking contacts, and works without contacts too
// (host.service<LeadConversionSteps>() is then null). After the commit, contacts publishes
// LeadConverted for whoever only needs to know.
#pragma once

#include <tiller/plugin/host.hpp>

#include <algorithm>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace contacts {

// What a conversion made, for the steps.
struct ConvertedLead {
    long long leadId = 0;
    long long customerId = 0;
    long long contactId = 0;
    std::string name;                    // the lead's company or name (the customer's name)
    std::optional<long long> ownerId;    // the new customer's owner
    std::optional<long long> sourceId;   // the lead's source (dictionary contacts.source)
};

class LeadConversionSteps {
public:
    static constexpr const char* kServiceId = "contacts.LeadConversionSteps/1";

    struct Step {
        std::string id;  // "opportunities.from_lead"; a second add() with one id replaces the first
        std::function<void(tiller::plugin::Host&, soci::session&, const ConvertedLead&)> run;
    };

    void add(Step step) {
        std::lock_guard lock(mutex_);
        std::erase_if(steps_, [&](const Step& s) { return s.id == step.id; });
        steps_.push_back(std::move(step));
    }
    void remove(const std::string& id) {
        std::lock_guard lock(mutex_);
        std::erase_if(steps_, [&](const Step& s) { return s.id == id; });
    }
    std::vector<Step> steps() const {
        std::lock_guard lock(mutex_);
        return steps_;
    }

private:
    mutable std::mutex mutex_;
    std::vector<Step> steps_;
};

// Published (through host.events()) once a conversion is committed.
struct LeadConverted {
    static constexpr const char* kEventId = "contacts.LeadConverted";
    long long leadId = 0;
    long long customerId = 0;
    long long contactId = 0;
};

}  // namespace contacts
