#include "core/search_index.hpp"

#include "core/pinyin.hpp"
#include "core/search_tokens.hpp"

#include <tiller/db/row.hpp>

#include <algorithm>
#include <set>
#include <tuple>
#include <utility>

namespace contacts {
namespace {

using Rank = SearchHit::Rank;

// Items of a haystack are separated by a line break, so a query never spans two of them by
// accident (nobody types a line break into the search box).
constexpr char kSeparator = '\n';
// The largest code point, in UTF-8: q <= key < q + kMax covers every key that starts with q.
constexpr const char* kMaxCodePoint = "\xF4\x8F\xBF\xBF";

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

// "010-8000 1234" → "01080001234": phones are also found by their digits alone.
std::string phoneDigits(const std::string& text) {
    std::string digits;
    for (char ch : text) {
        if (ch >= '0' && ch <= '9') {
            digits += ch;
        } else if (std::string_view(" +-()./").find(ch) == std::string_view::npos) {
            return {};
        }
    }
    return digits.size() >= 5 ? digits : std::string{};
}

// A LIKE pattern that finds `text` anywhere; escape character '\'.
std::string containsPattern(const std::string& text) {
    std::string pattern = "%";
    for (char ch : text) {
        if (ch == '%' || ch == '_' || ch == '\\') pattern += '\\';
        pattern += ch;
    }
    return pattern + "%";
}

// An FTS5 phrase that matches `text` as a substring under the trigram tokenizer.
std::string ftsPhrase(const std::string& text) {
    std::string phrase = "\"";
    for (char ch : text) {
        if (ch == '"') phrase += '"';
        phrase += ch;
    }
    return phrase + "\"";
}

void collect(soci::session& session, const std::string& sql, const std::string& a,
             const std::string& b, int limit, Rank rank, std::vector<SearchHit>& hits,
             std::set<std::pair<std::string, long long>>& seen) {
    soci::rowset<soci::row> rows = b.empty()
        ? (session.prepare << sql, soci::use(a, "a"), soci::use(limit, "n"))
        : (session.prepare << sql, soci::use(a, "a"), soci::use(b, "b"), soci::use(limit, "n"));
    for (const auto& row : rows) {
        SearchHit hit{tiller::db::textAt(row, 0), tiller::db::integerAt(row, 1),
                      tiller::db::textAt(row, 2), rank};
        if (seen.emplace(hit.kind, hit.recordId).second) hits.push_back(std::move(hit));
    }
}

}  // namespace

SearchIndex::SearchIndex(tiller::db::Database& database) : database_(database) {}

std::size_t SearchIndex::codePoints(const std::string& utf8) {
    return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char ch) {
        return (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    }));
}

std::string SearchIndex::haystackOf(const std::string& title, const std::vector<std::string>& texts) {
    std::vector<std::string> items;
    auto add = [&](std::string item) {
        if (!item.empty() && std::find(items.begin(), items.end(), item) == items.end()) {
            items.push_back(std::move(item));
        }
    };
    std::vector<std::string> all{title};
    all.insert(all.end(), texts.begin(), texts.end());
    for (const auto& raw : all) {
        const std::string text = trimmed(raw);
        if (text.empty()) continue;
        add(lowerCase(text));
        add(phoneDigits(text));
        if (containsHan(text)) {
            std::string full, spaced, firsts;
            for (const auto& syllable : pinyinSyllables(text)) {
                full += syllable;
                if (!spaced.empty()) spaced += ' ';
                spaced += syllable;
                if (static_cast<unsigned char>(syllable[0]) < 0x80) firsts += syllable[0];
            }
            add(std::move(full));
            add(std::move(spaced));
            add(std::move(firsts));
        }
    }
    std::string haystack;
    for (const auto& item : items) {
        if (!haystack.empty()) haystack += kSeparator;
        haystack += item;
    }
    return haystack;
}

void SearchIndex::put(const std::string& kind, long long recordId, const std::string& title,
                      const std::vector<std::string>& texts) {
    database_.inTransaction(
        [&](soci::session& session) { put(session, kind, recordId, title, texts); });
}

SearchIndex::Entry SearchIndex::entryOf(const std::string& title, const std::vector<std::string>& texts) {
    Entry entry{lowerCase(trimmed(title)), haystackOf(title, texts), {}};
    entry.shortTokens = shortTokensOf(entry.haystack);
    return entry;
}

void SearchIndex::put(soci::session& session, const std::string& kind, long long recordId,
                      const std::string& title, const std::vector<std::string>& texts) {
    remove(session, kind, recordId);
    const Entry entry = entryOf(title, texts);
    session << "INSERT INTO contacts_search (kind, record_id, title, title_key, haystack, short_tokens) "
               "VALUES (:kind, :id, :title, :key, :haystack, :tokens)",
        soci::use(kind), soci::use(recordId), soci::use(title), soci::use(entry.titleKey),
        soci::use(entry.haystack), soci::use(entry.shortTokens);
}

void SearchIndex::remove(const std::string& kind, long long recordId) {
    database_.inTransaction([&](soci::session& session) { remove(session, kind, recordId); });
}

void SearchIndex::remove(soci::session& session, const std::string& kind, long long recordId) {
    session << "DELETE FROM contacts_search WHERE kind = :kind AND record_id = :id",
        soci::use(kind), soci::use(recordId);
}

std::vector<SearchHit> SearchIndex::search(const std::string& query, int limit,
                                           const std::string& scopeSql) const {
    const std::string q = lowerCase(trimmed(query));
    if (q.empty() || limit <= 0) return {};
    const bool postgres = database_.engine() == tiller::db::Engine::postgresql;
    const std::string scope = scopeSql.empty() ? std::string{} : " AND (" + scopeSql + ")";
    const std::string key = postgres ? "s.title_key COLLATE \"C\"" : "s.title_key";
    const std::string columns = "SELECT s.kind, s.record_id, s.title ";
    // SQLite has no statistics to weigh a scope's condition on kind against the title: without
    // this it walks the (kind, record_id) index through every entry of a kind.
    const std::string byTitle = postgres ? "FROM contacts_search s " : "FROM contacts_search s INDEXED BY contacts_search_title ";

    return database_.withSession([&](soci::session& session) {
        std::vector<SearchHit> hits;
        std::set<std::pair<std::string, long long>> seen;
        // PostgreSQL: the title index is COLLATE "C", so every comparison on it says so too.
        collect(session, columns + byTitle + "WHERE " + key + " = :a" + scope +
                             " LIMIT :n",
                q, {}, limit, Rank::exactTitle, hits, seen);
        if (static_cast<int>(hits.size()) < limit) {
            collect(session, columns + byTitle + "WHERE " + key + " > :a AND " + key +
                                 " < :b" + scope + " ORDER BY " + key + " LIMIT :n",
                    q, q + kMaxCodePoint, limit, Rank::titlePrefix, hits, seen);
        }
        if (static_cast<int>(hits.size()) < limit) {
            // Rows already found come back again here; ask for enough to fill the limit anyway.
            const int wanted = limit + static_cast<int>(hits.size());
            // A number typed with spaces or dashes is looked for by its digits, which every
            // haystack holds beside the number as typed: "138 0013 8000" finds "138-0013-8000".
            const std::string digits = phoneDigits(q);
            const std::string& text = digits.empty() ? q : digits;
            if (codePoints(text) >= 3) {
                if (postgres) {
                    collect(session, columns + "FROM contacts_search s WHERE s.haystack LIKE :a "
                                               "ESCAPE '\\'" + scope + " LIMIT :n",
                            containsPattern(text), {}, wanted, Rank::contains, hits, seen);
                } else {
                    collect(session, columns + "FROM contacts_search_fts f JOIN contacts_search s "
                                               "ON s.rowid = f.rowid WHERE contacts_search_fts MATCH :a" +
                                         scope + " LIMIT :n",
                            ftsPhrase(text), {}, wanted, Rank::contains, hits, seen);
                }
            } else if (const auto token = shortQueryToken(q)) {
                if (postgres) {
                    // The same expression as the GIN index of migration 004, so the index serves it.
                    collect(session, columns + "FROM contacts_search s WHERE string_to_array(s.short_tokens, ' ') "
                                               "@> ARRAY[CAST(:a AS TEXT)]" + scope + " LIMIT :n",
                            *token, {}, wanted, Rank::contains, hits, seen);
                } else {
                    collect(session, columns + "FROM contacts_search_short f JOIN contacts_search s "
                                               "ON s.rowid = f.rowid WHERE contacts_search_short MATCH :a" +
                                         scope + " LIMIT :n",
                            ftsPhrase(*token), {}, wanted, Rank::contains, hits, seen);
                }
            }
            // Any other query of 1-2 characters (one Latin letter, two digits) would match nearly
            // every entry anywhere in its text: the title ranks alone answer it.
        }
        std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& x, const SearchHit& y) {
            return std::tie(x.rank, x.title, x.kind, x.recordId) <
                   std::tie(y.rank, y.title, y.kind, y.recordId);
        });
        if (static_cast<int>(hits.size()) > limit) hits.resize(static_cast<std::size_t>(limit));
        return hits;
    });
}

}  // namespace contacts
