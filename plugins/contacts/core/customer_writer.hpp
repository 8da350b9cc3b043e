// Imported customers into the database, a batch at a time, inside the import's transaction:
// the customer, its first contact and its address, their numbers in the phone index
// (contacts_phone), their entries in the search index (contacts_search) and an audit row per
// record, all through statements prepared once (BulkInsert). The ids are chosen here, so the
// rows that point at a customer can go in the same batch.
//
// The contacts plugin's own index hooks are what this does in bulk; other plugins' RecordHooks
// still run for every new customer and contact, once its batch is in.
#pragma once

#include "core/bulk_insert.hpp"
#include "core/customer_rows.hpp"

#include <tiller/plugin/host.hpp>
#include <tiller/record/store.hpp>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace contacts {

// Ids for new rows of a table: SQLite takes the next after the highest ever given (its
// AUTOINCREMENT never reuses one); PostgreSQL draws them from the table's sequence in blocks.
class NewIds {
public:
    NewIds(soci::session& session, std::string table);
    long long next();
    long long first() const { return first_; }

private:
    void draw();
    soci::session& session_;
    std::string table_;
    bool postgres_;
    std::vector<long long> block_;
    std::size_t at_ = 0;
    long long first_ = 0;
};

class CustomerWriter {
public:
    CustomerWriter(tiller::plugin::Host& host, soci::session& session, tiller::record::Store& store, long long nowMs);
    ~CustomerWriter();

    // Computes what the row gives the search index and the duplicate check (no database: any
    // thread may do it while another writes).
    static void prepare(CheckedRow& row);
    // Queues the prepared row's records; returns the ids given to the customer and contact (0: none).
    std::pair<long long, long long> write(const CheckedRow& row);
    // Sends everything queued and runs the other plugins' hooks for the new records.
    void flush();

    long long firstCustomerId() const { return customerIds_.first(); }
    long long firstContactId() const { return contactIds_.first(); }
    long long contacts() const { return contacts_; }
    long long addresses() const { return addresses_; }

private:
    struct Table;
    void audit(const std::string& entity, long long id, std::string changes, std::optional<long long> customerId);
    void phones(const char* kind, long long id, const std::vector<IndexedPhone>& numbers);
    void search(const char* kind, long long id, const std::string& title, const SearchIndex::Entry& entry);

    tiller::plugin::Host& host_;
    soci::session& session_;
    long long now_;
    std::optional<long long> user_;
    NewIds customerIds_, contactIds_, addressIds_;
    std::unique_ptr<Table> customerTable_, contactTable_, addressTable_;
    std::unique_ptr<BulkInsert> phoneRows_, searchRows_, auditRows_;
    std::vector<const tiller::plugin::RecordHook*> customerHooks_, contactHooks_, addressHooks_;
    std::vector<long long> newCustomers_, newContacts_, newAddresses_;  // of this batch, for the hooks
    long long contacts_ = 0, addresses_ = 0;
};

}  // namespace contacts
