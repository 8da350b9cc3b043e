#include "core/import_duplicates.hpp"

#include "core/import_text.hpp"

#include <tiller/db/row.hpp>
#include <tiller/i18n/catalogs.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace contacts {
namespace {

constexpr std::size_t kKeysPerQuery = 200;

std::string asciiLower(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// What a row could repeat: "p" + phone key, "e" + e-mail address, "n" + normalised name.
struct Key {
    std::string key;
    std::string what;   // the words for the message: "mobile", "e-mail" ...
    std::string value;  // as the row has it
};

std::vector<Key> keysOf(const CheckedRow& row) {
    std::vector<Key> keys;
    for (const auto* phones : {&row.customerPhones, &row.contactPhones})
        for (const auto& p : *phones)
            if (p.valid) keys.push_back({"p" + p.key, std::string(p.what) == "mobile" ? say(N_("mobile")) : say(N_("phone")), p.typed});
    for (const auto* email : {&row.email, &row.contactEmail})
        if (!email->empty()) keys.push_back({"e" + asciiLower(*email), say(N_("e-mail")), *email});
    if (!row.nameKey.empty()) keys.push_back({"n" + row.nameKey, say(N_("name")), row.name});
    return keys;
}

}  // namespace

void ImportDuplicates::remember(long long line, long long customerId) { lines_.emplace_back(customerId, line); }

long long ImportDuplicates::lineOf(long long customerId) const {
    auto it = std::lower_bound(lines_.begin(), lines_.end(), std::pair<long long, long long>{customerId, 0});
    return it != lines_.end() && it->first == customerId ? it->second : 0;
}

void ImportDuplicates::probe(const std::string& sql, std::vector<std::string> keys,
                             std::vector<std::pair<std::string, Match>>& found) {
    for (std::size_t start = 0; start < keys.size(); start += kKeysPerQuery) {
        std::size_t count = std::min(kKeysPerQuery, keys.size() - start);
        std::string list;
        for (std::size_t i = 0; i < count; ++i) list += (i ? ", :k" : ":k") + std::to_string(i);
        std::string text = sql;
        text.replace(text.find("{keys}"), 6, list);
        soci::row row;
        auto prepared = (session_.prepare << text);
        prepared, soci::into(row);
        for (std::size_t i = 0; i < count; ++i) prepared, soci::use(keys[start + i]);
        soci::statement st(prepared);
        st.execute();
        while (st.fetch())
            if (row.get_indicator(1) != soci::i_null)
                found.push_back({tiller::db::textAt(row, 0), {tiller::db::integerAt(row, 1), tiller::db::textAt(row, 2)}});
    }
}

void ImportDuplicates::check(const std::vector<CheckedRow*>& batch) {
    std::vector<std::vector<Key>> rowKeys;
    std::set<std::string> phones, emails, names;
    for (const auto* row : batch) {
        rowKeys.push_back(keysOf(*row));
        for (const auto& k : rowKeys.back()) {
            auto& into = k.key[0] == 'p' ? phones : k.key[0] == 'e' ? emails : names;
            into.insert(k.key.substr(1));
        }
    }
    std::vector<std::pair<std::string, Match>> found, part;
    // A contact's number or address counts for the contact's customer.
    // Only lookup_key in the WHERE clause: with owner_kind there too, SQLite (no statistics)
    // walks the owner index through every customer's numbers. Other owners (leads) give NULL.
    probe("SELECT p.lookup_key, CASE p.owner_kind WHEN 'customer' THEN p.owner_id WHEN 'contact' THEN t.customer_id END, "
          "COALESCE(cu.name, '') FROM contacts_phone p "
          "LEFT JOIN contacts_contact t ON p.owner_kind = 'contact' AND t.id = p.owner_id "
          "LEFT JOIN contacts_customer cu ON cu.id = CASE p.owner_kind WHEN 'customer' THEN p.owner_id "
          "WHEN 'contact' THEN t.customer_id END WHERE p.lookup_key IN ({keys})",
          {phones.begin(), phones.end()}, part);
    for (auto& [k, m] : part) found.push_back({"p" + k, m});
    part.clear();
    probe("SELECT LOWER(email), id, name FROM contacts_customer WHERE LOWER(email) IN ({keys})", {emails.begin(), emails.end()}, part);
    probe("SELECT LOWER(t.email), t.customer_id, cu.name FROM contacts_contact t JOIN contacts_customer cu ON cu.id = t.customer_id "
          "WHERE LOWER(t.email) IN ({keys})",
          {emails.begin(), emails.end()}, part);
    for (auto& [k, m] : part) found.push_back({"e" + k, m});
    part.clear();
    probe("SELECT name_key, id, name FROM contacts_customer WHERE name_key IN ({keys})", {names.begin(), names.end()}, part);
    for (auto& [k, m] : part) found.push_back({"n" + k, m});
    std::map<std::string, Match> existing;  // key -> the customer with the lowest id
    for (auto& [k, m] : found) {
        auto it = existing.find(k);
        if (it == existing.end() || m.customerId < it->second.customerId) existing[k] = m;
    }

    std::unordered_map<std::string, long long> earlier;  // key -> line, rows of this batch
    for (std::size_t i = 0; i < batch.size(); ++i) {
        CheckedRow& row = *batch[i];
        std::string problem;
        for (const auto& k : rowKeys[i]) {
            if (auto e = earlier.find(k.key); e != earlier.end()) {
                problem = say(N_("repeats line {1}: the same {2} ({3})"), {std::to_string(e->second), k.what, k.value});
                break;
            }
            if (auto m = existing.find(k.key); m != existing.end()) {
                if (long long line = lineOf(m->second.customerId))
                    problem = say(N_("repeats line {1}: the same {2} ({3})"), {std::to_string(line), k.what, k.value});
                else
                    problem = say(N_("already a customer: {1} (#{2}) has the same {3} ({4})"),
                                  {m->second.name, std::to_string(m->second.customerId), k.what, k.value});
                break;
            }
        }
        if (!problem.empty()) {
            row.problems.push_back({"", problem});
            row.duplicate = true;
            continue;
        }
        for (const auto& k : rowKeys[i]) earlier.emplace(k.key, row.line);
    }
}

}  // namespace contacts
