#include "core/duplicate_finder.hpp"
#include "core/customer_names.hpp"

#include <tiller/db/row.hpp>
#include <tiller/errors.hpp>

#include <algorithm>
#include <cctype>
#include <map>

namespace contacts {
namespace {

using tiller::db::integerAt;
using tiller::db::textAt;

constexpr double kSimilarEnough = 0.75;
constexpr std::size_t kPrefixLength = 4;
constexpr std::size_t kShortestNumber = 5;  // fewer digits than this say nothing about a company

std::string given(const tiller::record::Input& input, const std::string& field) {
    for (const auto& [name, text] : input)
        if (name == field) return text;
    return {};
}

std::string trimmedLower(std::string s) {
    auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    s = s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return c < 0x80 ? static_cast<char>(std::tolower(c)) : static_cast<char>(c); });
    return s;
}

int strength(const DuplicateCandidate& c) {
    int best = 4;
    for (const auto& m : c.matches) best = std::min(best, static_cast<int>(m.reason));
    return best;
}

// What a candidate search looks for: numbers, e-mail addresses and a name.
struct Probe {
    std::vector<std::string> numbers;
    std::vector<std::string> emails;
    std::string name;
};

class Collector {
public:
    explicit Collector(long long self) : self_(self) {}
    void add(long long id, DuplicateReason reason, std::string value) {
        if (id == self_ || id == 0) return;
        auto& c = found_[id];
        c.customerId = id;
        DuplicateMatch m{reason, std::move(value)};
        if (std::find(c.matches.begin(), c.matches.end(), m) == c.matches.end()) c.matches.push_back(std::move(m));
    }
    std::vector<DuplicateCandidate> take(soci::session& s, int limit) {
        std::vector<DuplicateCandidate> out;
        for (auto& [id, c] : found_) {
            soci::row row;
            s << "SELECT c.name, COALESCE(u.name, u.login, '') FROM contacts_customer c "
                 "LEFT JOIN core_user u ON u.id = c.owner_id WHERE c.id = :id",
                soci::use(id), soci::into(row);
            if (!s.got_data()) continue;
            c.name = textAt(row, 0);
            c.ownerName = textAt(row, 1);
            std::sort(c.matches.begin(), c.matches.end(),
                      [](const auto& a, const auto& b) { return a.reason < b.reason; });
            out.push_back(std::move(c));
        }
        std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
            if (a.matches.size() != b.matches.size()) return a.matches.size() > b.matches.size();
            return strength(a) < strength(b);
        });
        if (out.size() > static_cast<std::size_t>(limit)) out.resize(static_cast<std::size_t>(limit));
        return out;
    }

private:
    long long self_;
    std::map<long long, DuplicateCandidate> found_;
};

std::vector<DuplicateCandidate> search(tiller::plugin::Host& host, const PhoneNumbers& numbers, const Probe& probe,
                                       long long self, int limit) {
    return host.database().withSession([&](soci::session& s) {
        Collector found(self);
        for (const auto& typed : probe.numbers) {
            std::string key = numbers.lookupKey(typed);
            if (key.size() < kShortestNumber) continue;
            // A contact's number counts for the contact's customer.
            soci::rowset<soci::row> rows =
                (s.prepare << "SELECT CASE WHEN p.owner_kind = 'customer' THEN p.owner_id ELSE c.customer_id END, p.raw "
                              "FROM contacts_phone p LEFT JOIN contacts_contact c "
                              "ON p.owner_kind = 'contact' AND c.id = p.owner_id "
                              "WHERE p.lookup_key = :k AND p.owner_kind IN ('customer', 'contact')",
                 soci::use(key));
            for (const auto& r : rows)
                if (r.get_indicator(0) != soci::i_null) found.add(integerAt(r, 0), DuplicateReason::samePhone, textAt(r, 1));
        }
        for (const auto& typed : probe.emails) {
            std::string email = trimmedLower(typed);
            if (email.empty()) continue;
            soci::rowset<soci::row> customers =
                (s.prepare << "SELECT id, email FROM contacts_customer WHERE LOWER(email) = :e", soci::use(email));
            for (const auto& r : customers) found.add(integerAt(r, 0), DuplicateReason::sameEmail, textAt(r, 1));
            soci::rowset<soci::row> contacts =
                (s.prepare << "SELECT customer_id, email FROM contacts_contact WHERE LOWER(email) = :e", soci::use(email));
            for (const auto& r : contacts) found.add(integerAt(r, 0), DuplicateReason::sameEmail, textAt(r, 1));
        }
        std::string key = nameKey(probe.name);
        if (!key.empty()) {
            std::string prefix = leadingCodePoints(key, kPrefixLength);
            soci::rowset<soci::row> rows =
                (s.prepare << "SELECT id, name, name_key FROM contacts_customer WHERE name_prefix = :p ORDER BY id LIMIT 500",
                 soci::use(prefix));
            for (const auto& r : rows) {
                std::string other = textAt(r, 2);
                if (other == key) found.add(integerAt(r, 0), DuplicateReason::sameName, textAt(r, 1));
                else if (nameSimilarity(key, other) >= kSimilarEnough)
                    found.add(integerAt(r, 0), DuplicateReason::similarName, textAt(r, 1));
            }
            // A key shorter than the prefix has no longer relatives there: equal keys only.
            soci::rowset<soci::row> same =
                (s.prepare << "SELECT id, name FROM contacts_customer WHERE name_key = :k ORDER BY id LIMIT 100", soci::use(key));
            for (const auto& r : same) found.add(integerAt(r, 0), DuplicateReason::sameName, textAt(r, 1));
        }
        return found.take(s, limit);
    });
}

}  // namespace

std::string_view reasonCode(DuplicateReason reason) {
    switch (reason) {
        case DuplicateReason::samePhone: return "phone";
        case DuplicateReason::sameEmail: return "email";
        case DuplicateReason::sameName: return "name";
        case DuplicateReason::similarName: return "similar_name";
    }
    return "";
}

DuplicateFinder::DuplicateFinder(tiller::plugin::Host& host, std::string defaultRegion)
    : host_(host), numbers_(std::move(defaultRegion)) {}

std::vector<DuplicateCandidate> DuplicateFinder::candidatesFor(const NewCustomer& n, int limit) {
    host_.require("contacts.view");
    Probe probe;
    for (const auto* input : {&n.customer, &n.contact}) {
        for (const char* field : {"mobile", "phone"}) probe.numbers.push_back(given(*input, field));
        probe.emails.push_back(given(*input, "email"));
    }
    probe.name = given(n.customer, "name");
    return search(host_, numbers_, probe, 0, limit);
}

std::vector<DuplicateCandidate> DuplicateFinder::candidatesFor(long long customerId, int limit) {
    host_.require("contacts.view");
    if (!host_.canSee("contacts_customer", customerId))
        throw tiller::NotFound("customer " + std::to_string(customerId) + " does not exist or is not yours to see");
    Probe probe = host_.database().withSession([&](soci::session& s) {
        Probe p;
        soci::row row;
        s << "SELECT name, phone, mobile, email FROM contacts_customer WHERE id = :id", soci::use(customerId), soci::into(row);
        if (!s.got_data()) throw tiller::NotFound("customer " + std::to_string(customerId) + " does not exist");
        p.name = textAt(row, 0);
        p.numbers = {textAt(row, 1), textAt(row, 2)};
        p.emails = {textAt(row, 3)};
        soci::rowset<soci::row> contacts =
            (s.prepare << "SELECT phone, mobile, email FROM contacts_contact WHERE customer_id = :id", soci::use(customerId));
        for (const auto& r : contacts) {
            p.numbers.push_back(textAt(r, 0));
            p.numbers.push_back(textAt(r, 1));
            p.emails.push_back(textAt(r, 2));
        }
        return p;
    });
    return search(host_, numbers_, probe, customerId, limit);
}

std::vector<DuplicateGroup> DuplicateFinder::groups(int limit) {
    host_.require("contacts.merge");
    const std::string n = std::to_string(limit);
    // (reason, SQL giving value, customer id) for each kind of shared value.
    const std::vector<std::pair<DuplicateReason, std::string>> owned = {
        {DuplicateReason::samePhone,
         "SELECT p.lookup_key AS k, CASE WHEN p.owner_kind = 'customer' THEN p.owner_id ELSE c.customer_id END AS cid "
         "FROM contacts_phone p LEFT JOIN contacts_contact c ON p.owner_kind = 'contact' AND c.id = p.owner_id "
         "WHERE p.owner_kind IN ('customer', 'contact') AND LENGTH(p.lookup_key) >= " +
             std::to_string(kShortestNumber)},
        {DuplicateReason::sameEmail,
         "SELECT LOWER(email) AS k, id AS cid FROM contacts_customer WHERE email IS NOT NULL AND email <> '' "
         "UNION SELECT LOWER(email) AS k, customer_id AS cid FROM contacts_contact WHERE email IS NOT NULL AND email <> ''"},
        {DuplicateReason::sameName,
         "SELECT name_key AS k, id AS cid FROM contacts_customer WHERE name_key IS NOT NULL AND name_key <> ''"}};
    return host_.database().withSession([&](soci::session& s) {
        std::vector<DuplicateGroup> out;
        for (const auto& [reason, sql] : owned) {
            std::string query = "WITH owned AS (" + sql + "), shared AS (SELECT k FROM owned WHERE cid IS NOT NULL GROUP BY k "
                                "HAVING COUNT(DISTINCT cid) > 1 ORDER BY k LIMIT " + n + ") "
                                "SELECT DISTINCT o.k, o.cid, cu.name FROM owned o JOIN shared ON shared.k = o.k "
                                "JOIN contacts_customer cu ON cu.id = o.cid ORDER BY o.k, o.cid";
            soci::rowset<soci::row> rows = s.prepare << query;
            for (const auto& r : rows) {
                std::string value = textAt(r, 0);
                if (out.empty() || out.back().reason != reason || out.back().value != value) out.push_back({reason, value, {}});
                out.back().customers.emplace_back(integerAt(r, 1), textAt(r, 2));
            }
        }
        return out;
    });
}

void DuplicateFinder::writeKey(soci::session& s, long long customerId) {
    std::string name;
    soci::indicator ind = soci::i_null;
    s << "SELECT name FROM contacts_customer WHERE id = :id", soci::use(customerId), soci::into(name, ind);
    if (!s.got_data()) return;
    std::string key = nameKey(ind == soci::i_ok ? name : "");
    std::string prefix = leadingCodePoints(key, kPrefixLength);
    s << "UPDATE contacts_customer SET name_key = :k, name_prefix = :p WHERE id = :id", soci::use(key), soci::use(prefix),
        soci::use(customerId);
}

long long DuplicateFinder::fillMissingKeys(tiller::jobs::Progress& progress) {
    long long total = host_.database().withSession([](soci::session& s) {
        long long count = 0;
        s << "SELECT COUNT(*) FROM contacts_customer WHERE name_key IS NULL", soci::into(count);
        return count;
    });
    long long done = 0;
    while (done < total) {
        // A batch per transaction: a cancel keeps the batches already written, which are right.
        long long written = host_.database().inTransaction([&](soci::session& s) {
            std::vector<std::pair<long long, std::string>> batch;
            soci::rowset<soci::row> rows =
                s.prepare << "SELECT id, name FROM contacts_customer WHERE name_key IS NULL ORDER BY id LIMIT 2000";
            for (const auto& r : rows) batch.emplace_back(integerAt(r, 0), textAt(r, 1));
            for (const auto& [id, name] : batch) {
                std::string key = nameKey(name), prefix = leadingCodePoints(key, kPrefixLength);
                s << "UPDATE contacts_customer SET name_key = :k, name_prefix = :p WHERE id = :id", soci::use(key),
                    soci::use(prefix), soci::use(id);
            }
            return static_cast<long long>(batch.size());
        });
        if (written == 0) break;
        done += written;
        tiller::jobs::checkpoint(progress, done, total);
    }
    return done;
}

}  // namespace contacts
