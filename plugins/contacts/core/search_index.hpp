// The global search index (SPEC §2.12, issue 7 item 6; table contacts_search, migration 002): one
// row per searchable record whose haystack holds every text the record is found by, lower case,
// plus the pinyin and initials of its Chinese texts. search() ranks exact titles first, then
// titles that start with the query, then records that contain it anywhere.
//
// Engines. Queries of 3+ characters: on SQLite an FTS5 trigram index, on PostgreSQL a pg_trgm
// GIN index answering LIKE '%q%'. Queries of 1-2 characters, which have no trigram, look up one
// whole token of the short index (migration 004, core/search_tokens.hpp): FTS5 on SQLite, a GIN
// index over the token array on PostgreSQL. The exact and prefix ranks always use the B-tree
// index on title_key. No query scans the table.
#pragma once

#include <tiller/db/database.hpp>

#include <string>
#include <vector>

namespace contacts {

struct SearchHit {
    enum class Rank { exactTitle = 0, titlePrefix = 1, contains = 2 };
    std::string kind;  // "customer", "contact", or another plugin's record kind
    long long recordId = 0;
    std::string title;
    Rank rank = Rank::contains;
    bool operator==(const SearchHit&) const = default;
};

class SearchIndex {
public:
    explicit SearchIndex(tiller::db::Database& database);

    // Sets the record's entry: its title and the texts it is found by (names, phones, emails,
    // numbers). Replaces any earlier entry of the same record. Blank texts are skipped.
    void put(const std::string& kind, long long recordId, const std::string& title,
             const std::vector<std::string>& texts);
    // The same inside the caller's transaction (e.g. while the record itself is saved).
    static void put(soci::session& session, const std::string& kind, long long recordId,
                    const std::string& title, const std::vector<std::string>& texts);

    void remove(const std::string& kind, long long recordId);
    static void remove(soci::session& session, const std::string& kind, long long recordId);

    // At most `limit` hits for `query` (trimmed, case-insensitive), best rank first; within a
    // rank, by title. `scopeSql`, when not empty, is a condition on the alias `s`
    // (s.kind, s.record_id) that the data scope adds, e.g.
    // "s.record_id IN (SELECT id FROM contacts_customer WHERE owner_id = 5)". It is SQL written
    // by the program, never text typed by the user.
    std::vector<SearchHit> search(const std::string& query, int limit = 20,
                                  const std::string& scopeSql = {}) const;

    // The columns an entry is stored with, for writers that insert many rows themselves (the
    // demo data, the import, the benchmark): every column of contacts_search must be filled.
    struct Entry {
        std::string titleKey;     // title_key
        std::string haystack;     // haystack
        std::string shortTokens;  // short_tokens
    };
    static Entry entryOf(const std::string& title, const std::vector<std::string>& texts);

    // The haystack stored for these texts.
    static std::string haystackOf(const std::string& title, const std::vector<std::string>& texts);
    // The number of Unicode code points in a UTF-8 string.
    static std::size_t codePoints(const std::string& utf8);

private:
    tiller::db::Database& database_;
};

}  // namespace contacts
