#include "core/record_indexes.hpp"

#include "core/phone_index.hpp"
#include "core/phone_numbers.hpp"
#include "core/search_index.hpp"

#include <tiller/db/row.hpp>

namespace contacts {
namespace {

using tiller::db::textAt;

// The row's columns: name first, then the numbers, then the e-mail.
std::optional<IndexedRecord> read(soci::session& session, const std::string& sql, long long id, std::size_t numbers) {
    soci::row row;
    session << sql, soci::use(id), soci::into(row);
    if (!session.got_data()) return std::nullopt;
    IndexedRecord record;
    record.title = textAt(row, 0);
    record.texts.push_back(record.title);
    for (std::size_t i = 1; i <= numbers; ++i) {
        record.phones.push_back(textAt(row, i));
        record.texts.push_back(textAt(row, i));
    }
    record.texts.push_back(textAt(row, numbers + 1));
    return record;
}

void index(soci::session& session, PhoneIndex& phones, const char* kind, long long id,
           const std::optional<IndexedRecord>& record) {
    if (!record) return;
    phones.replace(session, kind, id, record->phones);
    // A SearchIndex on no database: the session overloads use the caller's session only.
    SearchIndex::put(session, kind, id, record->title, record->texts);
}

void unindex(soci::session& session, const char* kind, long long id) {
    session << "DELETE FROM contacts_phone WHERE owner_kind = :kind AND owner_id = :id", soci::use(std::string(kind)),
        soci::use(id);
    SearchIndex::remove(session, kind, id);
}

}  // namespace

std::optional<IndexedRecord> readCustomer(soci::session& session, long long id) {
    return read(session, "SELECT name, phone, mobile, fax, email FROM contacts_customer WHERE id = :id", id, 3);
}

std::optional<IndexedRecord> readContact(soci::session& session, long long id) {
    return read(session, "SELECT name, phone, mobile, email FROM contacts_contact WHERE id = :id", id, 2);
}

void indexCustomer(soci::session& session, PhoneIndex& phones, long long id) {
    index(session, phones, "customer", id, readCustomer(session, id));
}

void indexContact(soci::session& session, PhoneIndex& phones, long long id) {
    index(session, phones, "contact", id, readContact(session, id));
}

void unindexCustomer(soci::session& session, long long id) { unindex(session, "customer", id); }

void unindexContact(soci::session& session, long long id) { unindex(session, "contact", id); }

// The bound values live here, beside the statements that read them on each execute.
struct IndexWriter::Statements {
    std::string kind, title, raw, key, e164;
    long long id = 0, now = 0;
    int order = 0, valid = 0;
    soci::indicator e164Null = soci::i_null;
    SearchIndex::Entry entry;
    soci::statement phone;
    soci::statement search;

    Statements(soci::session& s, long long nowMs)
        : now(nowMs),
          phone((s.prepare << "INSERT INTO contacts_phone (owner_kind, owner_id, sort_order, raw, lookup_key, e164, "
                              "valid, created_at) VALUES (:kind, :id, :ord, :raw, :key, :e164, :valid, :now)",
                 soci::use(kind), soci::use(id), soci::use(order), soci::use(raw), soci::use(key),
                 soci::use(e164, e164Null), soci::use(valid), soci::use(now))),
          search((s.prepare << "INSERT INTO contacts_search (kind, record_id, title, title_key, haystack, short_tokens) "
                               "VALUES (:kind, :id, :title, :key, :haystack, :tokens)",
                  soci::use(kind), soci::use(id), soci::use(title), soci::use(entry.titleKey),
                  soci::use(entry.haystack), soci::use(entry.shortTokens))) {}
};

IndexWriter::IndexWriter(soci::session& session, const PhoneNumbers& numbers, long long nowMs)
    : numbers_(numbers), statements_(std::make_unique<Statements>(session, nowMs)) {}

IndexWriter::~IndexWriter() = default;

void IndexWriter::add(const std::string& kind, long long id, const IndexedRecord& record) {
    auto& st = *statements_;
    st.kind = kind;
    st.id = id;
    st.order = 0;
    for (const auto& typed : record.phones) {
        if (typed.find_first_not_of(" \t\r\n") == std::string::npos) continue;
        const auto parsed = numbers_.parse(typed);
        st.raw = typed;
        st.valid = parsed.valid ? 1 : 0;
        st.key = parsed.valid ? parsed.e164.substr(1) : numbers_.lookupKey(typed);
        st.e164 = parsed.e164;
        st.e164Null = parsed.valid ? soci::i_ok : soci::i_null;
        st.phone.execute(true);
        ++st.order;
    }
    st.title = record.title;
    st.entry = SearchIndex::entryOf(record.title, record.texts);
    st.search.execute(true);
}

}  // namespace contacts
