#include "core/caller_lookup.hpp"

#include <tiller/db/row.hpp>
#include <tiller/plugin/host.hpp>

#include <cctype>

namespace contacts {
namespace {

// Caller ID that is not a number: a name or a word where digits belong ("anonymous",
// "unknown", "Restricted", "abc123"). Digits with the usual punctuation and a leading + pass.
bool hasLetters(const std::string& text) {
    for (unsigned char c : text)
        if (std::isalpha(c)) return true;
    return false;
}

}  // namespace

tiller::telephony::Caller ContactsCallerLookup::lookup(tiller::plugin::Host& host, const std::string& number,
                                                       const std::string& language) {
    tiller::telephony::Caller caller;
    caller.typed = number;
    std::string key;
    {
        std::lock_guard lock(mutex_);
        if (!numbers_) numbers_ = std::make_unique<PhoneNumbers>("CN");
        if (hasLetters(number) || number.find_first_of("0123456789") == std::string::npos) {
            caller.anonymous = number.empty() || number == "anonymous" || number == "Anonymous";
            caller.number = number;
            return caller;  // nothing to look up: shown as given, or as "number withheld"
        }
        auto parsed = numbers_->parse(number);
        caller.valid = parsed.valid;
        caller.e164 = parsed.e164;
        caller.number = parsed.valid ? parsed.national : number;
        caller.mobile = parsed.type == PhoneType::mobile;
        if (parsed.valid) caller.region = numbers_->describe(parsed.e164, language);
        key = parsed.valid ? parsed.e164.substr(1) : numbers_->lookupKey(number);
    }
    if (key.empty()) return caller;
    // Customers' own numbers first, then their contacts', then leads; the oldest record first.
    host.database().withSession([&](soci::session& s) {
        soci::rowset<soci::row> rows = (s.prepare <<
            "SELECT p.owner_kind, COALESCE(cu.id, cc.id, l.id), COALESCE(cu.name, cc.name, l.name), t.name, "
            "COALESCE(NULLIF(u1.name, ''), u1.login, NULLIF(u2.name, ''), u2.login, NULLIF(u3.name, ''), u3.login) "
            "FROM contacts_phone p "
            "LEFT JOIN contacts_customer cu ON p.owner_kind = 'customer' AND cu.id = p.owner_id "
            "LEFT JOIN contacts_contact t ON p.owner_kind = 'contact' AND t.id = p.owner_id "
            "LEFT JOIN contacts_customer cc ON cc.id = t.customer_id "
            "LEFT JOIN contacts_lead l ON p.owner_kind = 'lead' AND l.id = p.owner_id "
            "LEFT JOIN core_user u1 ON u1.id = cu.owner_id "
            "LEFT JOIN core_user u2 ON u2.id = cc.owner_id "
            "LEFT JOIN core_user u3 ON u3.id = l.owner_id "
            "WHERE p.lookup_key = :k "
            "ORDER BY CASE p.owner_kind WHEN 'customer' THEN 0 WHEN 'contact' THEN 1 ELSE 2 END, p.owner_id LIMIT 20",
            soci::use(key));
        for (const auto& r : rows) {
            if (r.get_indicator(1) == soci::i_null) continue;  // an owner kind this plugin does not know
            long long id = tiller::db::integerAt(r, 1);
            std::string kind = tiller::db::textAt(r, 0);
            std::string entity = kind == "lead" ? "contacts.lead" : "contacts.customer";
            if (caller.known) {
                if (entity != caller.entity || id != caller.recordId) ++caller.otherMatches;
                continue;
            }
            caller.known = true;
            caller.entity = entity;
            caller.recordId = id;
            caller.name = tiller::db::textAt(r, 2);
            if (kind == "contact") caller.contactName = tiller::db::textAt(r, 3);
            if (r.get_indicator(4) != soci::i_null) caller.ownerName = tiller::db::textAt(r, 4);
        }
    });
    return caller;
}

}  // namespace contacts
