#include "core/phone_index.hpp"

#include <tiller/db/row.hpp>

namespace contacts {

PhoneIndex::PhoneIndex(tiller::db::Database& database, std::string defaultRegion,
                       const tiller::Clock& clock)
    : database_(database), numbers_(std::move(defaultRegion)), clock_(clock) {}

const tiller::Clock& PhoneIndex::systemClock() {
    static const tiller::SystemClock clock;
    return clock;
}

void PhoneIndex::replace(const std::string& ownerKind, long long ownerId,
                         const std::vector<std::string>& typedNumbers) {
    database_.inTransaction(
        [&](soci::session& session) { replace(session, ownerKind, ownerId, typedNumbers); });
}

void PhoneIndex::replace(soci::session& session, const std::string& ownerKind, long long ownerId,
                         const std::vector<std::string>& typedNumbers) {
    session << "DELETE FROM contacts_phone WHERE owner_kind = :kind AND owner_id = :id",
        soci::use(ownerKind), soci::use(ownerId);
    const long long now = clock_.nowMs();
    int order = 0;
    for (const auto& typed : typedNumbers) {
        if (typed.find_first_not_of(" \t\r\n") == std::string::npos) continue;
        auto parsed = numbers_.parse(typed);
        const std::string key =
            parsed.valid ? parsed.e164.substr(1) : numbers_.lookupKey(typed);
        const int valid = parsed.valid ? 1 : 0;
        soci::indicator e164Null = parsed.valid ? soci::i_ok : soci::i_null;
        session << "INSERT INTO contacts_phone (owner_kind, owner_id, sort_order, raw, lookup_key, "
                   "e164, valid, created_at) VALUES (:kind, :id, :ord, :raw, :key, :e164, :valid, :now)",
            soci::use(ownerKind), soci::use(ownerId), soci::use(order), soci::use(typed),
            soci::use(key), soci::use(parsed.e164, e164Null), soci::use(valid), soci::use(now);
        ++order;
    }
}

std::vector<PhoneOwner> PhoneIndex::find(const std::string& typed) const {
    const std::string key = numbers_.lookupKey(typed);
    if (key.empty()) return {};
    return database_.withSession([&](soci::session& session) {
        std::vector<PhoneOwner> owners;
        soci::rowset<soci::row> rows =
            (session.prepare << "SELECT DISTINCT owner_kind, owner_id FROM contacts_phone "
                                "WHERE lookup_key = :key ORDER BY owner_kind, owner_id",
             soci::use(key));
        for (const auto& row : rows) {
            owners.emplace_back(tiller::db::textAt(row, 0), tiller::db::integerAt(row, 1));
        }
        return owners;
    });
}

}  // namespace contacts
