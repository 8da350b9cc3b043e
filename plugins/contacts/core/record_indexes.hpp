// Keeps the phone index (contacts_phone) and the search index (contacts_search) in step with the
// customers and contacts themselves (issue 7 items 5 and 6). Called by the contacts plugin's
// RecordHooks inside record::Store's transaction, so a record and its index entries are saved,
// or rolled back, together; and in bulk by the demo data.
#pragma once

#include <soci/soci.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace contacts {

class PhoneIndex;
class PhoneNumbers;

// What a customer or contact is found by, read from its row.
struct IndexedRecord {
    std::string title;                // the name
    std::vector<std::string> phones;  // as typed: customer phone, mobile, fax; contact phone, mobile
    std::vector<std::string> texts;   // what the search index holds: name, phones, e-mail
};

// The record's numbers and texts from its row; nothing when the row does not exist.
std::optional<IndexedRecord> readCustomer(soci::session& session, long long id);
std::optional<IndexedRecord> readContact(soci::session& session, long long id);

// Sets the index entries of customer / contact `id` from its row as it is now in `session`.
void indexCustomer(soci::session& session, PhoneIndex& phones, long long id);
void indexContact(soci::session& session, PhoneIndex& phones, long long id);
// Removes them (the record is being deleted).
void unindexCustomer(soci::session& session, long long id);
void unindexContact(soci::session& session, long long id);

// Index entries of many new records in one transaction, through statements prepared once (the
// demo data: a million customers in minutes). The records must have no entries yet.
class IndexWriter {
public:
    IndexWriter(soci::session& session, const PhoneNumbers& numbers, long long nowMs);
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    // kind: "customer" or "contact".
    void add(const std::string& kind, long long id, const IndexedRecord& record);

private:
    struct Statements;
    const PhoneNumbers& numbers_;
    std::unique_ptr<Statements> statements_;
};

}  // namespace contacts
