// The table contacts_phone (migration 001): each owner's phone numbers kept as typed beside the
// key they are found by, so "+86 138 0013 8000" and "138-0013-8000" find the same customer and
// an incoming call's number finds its owner with one indexed probe (SPEC §7.2 screen pop).
#pragma once

#include "core/phone_numbers.hpp"

#include <tiller/clock.hpp>
#include <tiller/db/database.hpp>

#include <string>
#include <utility>
#include <vector>

namespace contacts {

// ("customer", 42): the owner's kind and id.
using PhoneOwner = std::pair<std::string, long long>;

class PhoneIndex {
public:
    explicit PhoneIndex(tiller::db::Database& database, std::string defaultRegion = "CN",
                        const tiller::Clock& clock = systemClock());

    // Sets the owner's numbers to exactly these, in this order, in one transaction. Blank
    // entries are skipped; an invalid number is kept as typed (flagged valid = 0).
    void replace(const std::string& ownerKind, long long ownerId,
                 const std::vector<std::string>& typedNumbers);
    // The same inside the caller's transaction (e.g. while the owner's record is saved).
    void replace(soci::session& session, const std::string& ownerKind, long long ownerId,
                 const std::vector<std::string>& typedNumbers);

    // Every owner with a number that has the same lookup key as `typed`, ordered by kind and id;
    // empty when `typed` has no digits.
    std::vector<PhoneOwner> find(const std::string& typed) const;

    const PhoneNumbers& numbers() const { return numbers_; }

private:
    static const tiller::Clock& systemClock();

    tiller::db::Database& database_;
    PhoneNumbers numbers_;
    const tiller::Clock& clock_;
};

}  // namespace contacts
