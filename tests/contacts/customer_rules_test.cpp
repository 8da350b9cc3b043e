// SPEC §2.2 and §2.3: customer types and the status ladder.
#include "core/customer_rules.hpp"

#include <catch2/catch.hpp>

using namespace contacts;

TEST_CASE("the six customer types are fixed and decide where a customer may be picked", "[contacts]") {
    CHECK(fixedCustomerTypes().size() == 6);
    CHECK(maySupply(kSupplier));
    CHECK_FALSE(maySupply(kDistributor));
    CHECK(mayMediate(kDistributor));
    CHECK(mayMediate(kAgent));
    CHECK_FALSE(mayMediate(kCustomer));
    CHECK_FALSE(mayMediate(kIndividual));
}

TEST_CASE("the status ladder: upgrades go up, potential and above freeze, unfreezing comes back as the rules say", "[contacts]") {
    CHECK(statusLadder().front() == Status::invalid);
    CHECK(statusLadder().back() == Status::typical);
    CHECK(isUpgrade(Status::basic, Status::potential));
    CHECK_FALSE(isUpgrade(Status::pilot, Status::successful));
    CHECK_FALSE(mayFreeze(Status::basic));
    CHECK(mayFreeze(Status::potential));
    CHECK(mayFreeze(Status::typical));
    CHECK(afterUnfreeze(Status::potential) == Status::potential);
    CHECK(afterUnfreeze(Status::pilot) == Status::successful);
    CHECK(afterUnfreeze(Status::typical) == Status::successful);
    CHECK(statusFromCode("successful") == Status::successful);
    CHECK_FALSE(statusFromCode("gold"));
    for (auto s : statusLadder()) CHECK(statusFromCode(statusCode(s)) == s);
}
