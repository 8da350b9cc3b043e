// The fixed rules of SPEC §2.2 and §2.3: the six customer types that cannot be deleted or
// renamed and where each may be picked, and the status ladder with freezing.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contacts {

// Codes of the system values of the dictionary kind contacts.customer_type.
inline constexpr std::string_view kCustomer = "customer", kSupplier = "supplier", kDistributor = "distributor",
                                  kAgent = "agent", kPartner = "partner", kIndividual = "individual";
const std::vector<std::string_view>& fixedCustomerTypes();

// Only suppliers are a product's or a purchase order's supplier; only distributors and agents
// are a contract's intermediary (中介机构).
bool maySupply(std::string_view typeCode);
bool mayMediate(std::string_view typeCode);

// 无效 → 基本 → 潜在 → 成功 → 试点 → 典型
enum class Status { invalid, basic, potential, successful, pilot, typical };
std::string_view statusCode(Status status);
std::optional<Status> statusFromCode(std::string_view code);
const std::vector<Status>& statusLadder();

// An upgrade moves up the ladder (it goes through the approval flow of the customer's type).
bool isUpgrade(Status from, Status to);
// Potential and above can be frozen.
bool mayFreeze(Status status);
// Unfreezing: a potential customer stays potential; successful, pilot and typical come back
// as successful.
Status afterUnfreeze(Status frozenAt);

}  // namespace contacts
