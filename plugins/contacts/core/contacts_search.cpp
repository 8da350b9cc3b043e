#include "core/contacts_search.hpp"

#include "core/phone_index.hpp"
#include "core/search_index.hpp"

#include <tiller/db/row.hpp>
#include <tiller/i18n/catalogs.hpp>

#include <algorithm>
#include <map>
#include <string_view>

namespace contacts {
namespace {

using tiller::db::integerAt;
using tiller::db::textAt;

// Named `tr` so xgettext finds the strings for the plugin's catalog.
std::string tr(const char* english) { return tiller::i18n::tr(english, "tiller-contacts"); }

struct Kind {
    const char* kind;    // in contacts_search
    const char* table;
    const char* viewId;  // the shell opens "<viewId>:<id>"
};
constexpr Kind kCustomer{"customer", "contacts_customer", "record:contacts.customer"};
constexpr Kind kContact{"contact", "contacts_contact", "record:contacts.contact"};

std::string kindCondition(tiller::plugin::Host& host, const Kind& kind) {
    std::string condition = std::string("s.kind = '") + kind.kind + "'";
    const std::string scope = host.scopeCondition(kind.table);
    if (scope.empty()) return condition;
    // The scope names the table's own columns (owner_id = 5); inside this sub-query they are
    // the record's, as contacts_search has no such column.
    return "(" + condition + " AND EXISTS (SELECT 1 FROM " + kind.table + " WHERE " + kind.table +
           ".id = s.record_id AND (" + scope + ")))";
}

// "a · b · c" of the texts that are not empty.
std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& part : parts) {
        if (part.empty()) continue;
        if (!out.empty()) out += " · ";
        out += part;
    }
    return out;
}

std::string idList(const std::vector<long long>& ids) {
    std::string list;
    for (long long id : ids) list += (list.empty() ? "" : ",") + std::to_string(id);
    return list;
}

// id -> detail line, one query per kind (the ids come from the index, not from the user).
std::map<long long, std::string> customerDetails(soci::session& s, const std::vector<long long>& ids) {
    std::map<long long, std::string> details;
    if (ids.empty()) return details;
    soci::rowset<soci::row> rows =
        s.prepare << "SELECT id, phone, mobile, email FROM contacts_customer WHERE id IN (" + idList(ids) + ")";
    for (const auto& r : rows) {
        const std::string phone = textAt(r, 1).empty() ? textAt(r, 2) : textAt(r, 1);
        details[integerAt(r, 0)] = joined({tr("Customer"), phone, textAt(r, 3)});
    }
    return details;
}

std::map<long long, std::string> contactDetails(soci::session& s, const std::vector<long long>& ids) {
    std::map<long long, std::string> details;
    if (ids.empty()) return details;
    soci::rowset<soci::row> rows =
        s.prepare << "SELECT ct.id, c.name, ct.mobile, ct.phone, ct.email FROM contacts_contact ct "
                     "LEFT JOIN contacts_customer c ON c.id = ct.customer_id WHERE ct.id IN (" + idList(ids) + ")";
    for (const auto& r : rows) {
        const std::string phone = textAt(r, 2).empty() ? textAt(r, 3) : textAt(r, 2);
        details[integerAt(r, 0)] = joined({tr("Contact"), textAt(r, 1), phone, textAt(r, 4)});
    }
    return details;
}

// Exact titles first, then title prefixes, then the rest; within a rank the index's order.
double scoreOf(SearchHit::Rank rank, std::size_t position) {
    const double base = rank == SearchHit::Rank::exactTitle ? 1.0 : rank == SearchHit::Rank::titlePrefix ? 0.8 : 0.6;
    return base - 0.001 * static_cast<double>(position);
}

// A whole phone number however it is written ("+86 138 0013 8000", "(021) 5555-1234"): only
// digits and the signs numbers are written with, and enough digits to be a number.
bool wholeNumber(const std::string& query) {
    std::size_t digits = 0;
    for (char ch : query) {
        if (ch >= '0' && ch <= '9') ++digits;
        else if (std::string_view(" +-()./").find(ch) == std::string_view::npos) return false;
    }
    return digits >= 7;
}

// The records that have this number, by the phone index's lookup key (the screen pop's path),
// within the scope; ranked first, as a number names its owner exactly.
std::vector<SearchHit> ownersOf(tiller::plugin::Host& host, const std::string& number, const std::string& scope, int limit) {
    std::vector<SearchHit> hits;
    const auto owners = PhoneIndex(host.database()).find(number);
    if (owners.empty()) return hits;
    host.database().withSession([&](soci::session& s) {
        for (const auto& [kind, id] : owners) {
            if (static_cast<int>(hits.size()) >= limit) break;
            soci::row row;
            s << "SELECT s.title FROM contacts_search s WHERE s.kind = :kind AND s.record_id = :id AND " + scope,
                soci::use(kind), soci::use(id), soci::into(row);
            if (s.got_data()) hits.push_back({kind, id, textAt(row, 0), SearchHit::Rank::exactTitle});
        }
    });
    return hits;
}

}  // namespace

std::string searchScope(tiller::plugin::Host& host) {
    return "(" + kindCondition(host, kCustomer) + " OR " + kindCondition(host, kContact) + ")";
}

std::vector<tiller::plugin::SearchHit> searchCustomersAndContacts(tiller::plugin::Host& host, const std::string& query,
                                                                  int limit) {
    if (query.find_first_not_of(" \t\r\n") == std::string::npos || limit <= 0) return {};
    if (!host.allows("contacts.view")) return {};
    const std::string scope = searchScope(host);
    auto found = wholeNumber(query) ? ownersOf(host, query, scope, limit) : std::vector<SearchHit>{};
    for (auto& hit : SearchIndex(host.database()).search(query, limit, scope)) {
        const bool known = std::any_of(found.begin(), found.end(),
                                       [&](const SearchHit& f) { return f.kind == hit.kind && f.recordId == hit.recordId; });
        if (!known && static_cast<int>(found.size()) < limit) found.push_back(std::move(hit));
    }
    std::vector<long long> customers, contacts;
    for (const auto& hit : found) (hit.kind == kCustomer.kind ? customers : contacts).push_back(hit.recordId);
    return host.database().withSession([&](soci::session& s) {
        const auto customerLines = customerDetails(s, customers);
        const auto contactLines = contactDetails(s, contacts);
        std::vector<tiller::plugin::SearchHit> hits;
        for (std::size_t i = 0; i < found.size(); ++i) {
            const auto& hit = found[i];
            const bool customer = hit.kind == kCustomer.kind;
            const auto& lines = customer ? customerLines : contactLines;
            const auto line = lines.find(hit.recordId);
            if (line == lines.end()) continue;  // an entry whose record is gone
            hits.push_back({hit.title, line->second, customer ? kCustomer.viewId : kContact.viewId, hit.recordId,
                            scoreOf(hit.rank, i)});
        }
        return hits;
    });
}

}  // namespace contacts
