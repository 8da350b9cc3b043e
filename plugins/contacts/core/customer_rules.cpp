#include "customer_rules.hpp"

#include <tiller/i18n/catalogs.hpp>

#include <algorithm>
#include <array>
#include <utility>

namespace contacts {
namespace {

constexpr std::array<std::pair<Status, std::string_view>, 6> kStatuses{{{Status::invalid, "invalid"},
                                                                        {Status::basic, "basic"},
                                                                        {Status::potential, "potential"},
                                                                        {Status::successful, "successful"},
                                                                        {Status::pilot, "pilot"},
                                                                        {Status::typical, "typical"}}};

// The statuses as people read them, for xgettext (the list shows them through the catalog).
[[maybe_unused]] constexpr const char* kStatusNames[] = {N_("invalid"),    N_("basic"), N_("potential"),
                                                         N_("successful"), N_("pilot"), N_("typical")};

}  // namespace

const std::vector<std::string_view>& fixedCustomerTypes() {
    static const std::vector<std::string_view> types{kCustomer, kSupplier, kDistributor, kAgent, kPartner, kIndividual};
    return types;
}

bool maySupply(std::string_view typeCode) { return typeCode == kSupplier; }
bool mayMediate(std::string_view typeCode) { return typeCode == kDistributor || typeCode == kAgent; }

std::string_view statusCode(Status status) {
    for (const auto& [s, code] : kStatuses)
        if (s == status) return code;
    return "basic";
}

std::optional<Status> statusFromCode(std::string_view code) {
    for (const auto& [s, c] : kStatuses)
        if (c == code) return s;
    return std::nullopt;
}

const std::vector<Status>& statusLadder() {
    static const std::vector<Status> ladder = [] {
        std::vector<Status> all;
        for (const auto& entry : kStatuses) all.push_back(entry.first);
        return all;
    }();
    return ladder;
}

bool isUpgrade(Status from, Status to) { return static_cast<int>(to) > static_cast<int>(from); }

bool mayFreeze(Status status) { return static_cast<int>(status) >= static_cast<int>(Status::potential); }

Status afterUnfreeze(Status frozenAt) {
    return frozenAt == Status::potential ? Status::potential : Status::successful;
}

}  // namespace contacts
