// One row of an import file turned into a customer, its first contact and its address, checked
// with the Store's rules (Store::prepareNew) and rule 004 where it applies (SPEC §2.1), with its
// phone numbers normalised (libphonenumber): a number that is not valid is kept as typed and
// flagged, never dropped. Nothing here touches the database's tables; see CustomerWriter.
#pragma once

#include "core/customer_columns.hpp"
#include "core/customer_file.hpp"
#include "core/phone_keys.hpp"
#include "core/phone_numbers.hpp"
#include "core/search_index.hpp"

#include <tiller/record/store.hpp>

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace contacts {

struct ImportIssue {
    std::string column;   // the file's header, or the field's label when no column gave it
    std::string message;  // in the running language where Tiller wrote it
};

struct FlaggedPhone {
    long long line = 0;
    std::string column;
    std::string number;  // as typed, and kept so
    std::string reason;
};

// A phone number of the customer or the contact for the phone index.
struct IndexedPhone {
    std::string typed, key, e164;  // key: E.164 digits, or the digits typed when not valid
    bool valid = false;
    std::string reason;     // why it is not valid
    const char* what = "";  // "phone" or "mobile", for duplicate messages
};

struct CheckedRow {
    long long line = 0;
    std::vector<std::string> cells;
    std::vector<ImportIssue> problems;  // empty: the row can be imported
    bool duplicate = false;             // one of the problems is that it repeats a customer
    bool missingContact = false, missingGender = false;  // rule 004 asks for them; imported anyway
    std::vector<FlaggedPhone> flagged;
    tiller::data::Values customer, contact, address;  // column values as Store::prepareNew made them
    bool hasContact = false, hasAddress = false;
    std::string name, email, contactName, contactEmail;
    std::vector<IndexedPhone> customerPhones, contactPhones;
    std::vector<std::string> customerTexts, contactTexts;  // phones and e-mails for the search index
    // Filled by CustomerWriter::prepare, off the writing thread: what the indexes get.
    std::string nameKey, namePrefix;
    SearchIndex::Entry customerEntry, contactEntry;
    std::string customerAudit, contactAudit, addressAudit;  // the audit rows' changes, nearly done
};

class RowChecker {
public:
    // `categoryId`: the category every row gets (the --category choice), or nullopt to take
    // it from a column. Throws nothing itself; every problem goes into the row.
    RowChecker(tiller::record::Store& store, const std::vector<std::string>& header, const ColumnPlan& plan,
               std::optional<long long> categoryId, const PhoneNumbers& numbers);

    CheckedRow check(SourceRow& row);

private:
    std::string columnOf(const std::string& target, const tiller::record::Field* field) const;
    std::string resolve(const tiller::record::Field& field, const std::string& text);
    IndexedPhone phone(const std::string& typed);

    tiller::record::Store& store_;
    const tiller::record::Entity& customer_;
    const tiller::record::Entity& contact_;
    const tiller::record::Entity& address_;
    std::vector<std::string> header_;
    std::vector<std::string> targets_;
    std::optional<long long> categoryId_;
    const PhoneNumbers& numbers_;
    PhoneKeys keys_;
    std::map<std::string, std::unordered_map<std::string, std::string>> resolved_;  // field -> text -> id
    std::unordered_map<std::string, IndexedPhone> phones_;  // numbers seen (switchboards repeat)
};

}  // namespace contacts
