#include "core/customer_writer.hpp"

#include "core/customer_names.hpp"
#include "core/search_index.hpp"

#include <tiller/db/row.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <string_view>

namespace contacts {
namespace {

using tiller::record::Field;
using Type = BulkInsert::Type;

constexpr std::size_t kRowsPerStatement = 128;
// The customer's normalised name is looked up by its first characters for similar names; the
// same length as DuplicateFinder's (duplicate_finder.cpp, kPrefixLength).
constexpr std::size_t kNamePrefixLength = 4;
// RecordHooks of this plugin whose work write() does itself, in bulk.
constexpr std::string_view kWrittenInBulk[] = {"contacts.customer_name_key", "contacts.customer_indexes",
                                                "contacts.contact_indexes"};

void appendJson(std::string& out, const std::string& text) {
    out += '"';
    for (char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char escaped[8];
                    std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
                    out += escaped;
                } else {
                    out += c;
                }
        }
    }
    out += '"';
}

}  // namespace

NewIds::NewIds(soci::session& session, std::string table)
    : session_(session), table_(std::move(table)), postgres_(session.get_backend_name() == "postgresql") {
    draw();
    first_ = block_.front();
}

void NewIds::draw() {
    block_.clear();
    at_ = 0;
    if (postgres_) {
        soci::rowset<soci::row> rows = (session_.prepare << "SELECT nextval(pg_get_serial_sequence('" + table_ +
                                                                 "', 'id')) FROM generate_series(1, 512)");
        for (const auto& r : rows) block_.push_back(tiller::db::integerAt(r, 0));
        return;
    }
    // SQLite: the write lock is held (BEGIN IMMEDIATE), so nobody else takes these meanwhile.
    long long highest = 0;
    soci::indicator null = soci::i_ok;
    session_ << "SELECT MAX(id) FROM " + table_, soci::into(highest, null);
    if (null == soci::i_null) highest = 0;
    long long seq = 0;
    soci::indicator seqNull = soci::i_ok;
    session_ << "SELECT seq FROM sqlite_sequence WHERE name = :t", soci::use(table_), soci::into(seq, seqNull);
    if (session_.got_data() && seqNull == soci::i_ok) highest = std::max(highest, seq);
    block_.push_back(highest + 1);
}

long long NewIds::next() {
    if (postgres_) {
        if (at_ == block_.size()) draw();
        return block_[at_++];
    }
    return block_.front() + static_cast<long long>(at_++);
}

// A record table: its columns in a fixed order (the entity's importable fields) and the bulk
// statement that writes them.
struct CustomerWriter::Table {
    std::map<std::string, std::size_t> index;  // column -> position
    std::unique_ptr<BulkInsert> rows;
    std::size_t created = 0, updated = 0, version = 0, id = 0;

    Table(soci::session& session, const tiller::record::Entity& e, BulkInsert* before, const std::vector<std::string>& extra,
          const std::vector<std::string>& extraTexts = {}) {
        std::vector<BulkInsert::Column> columns{{"id", Type::integer}};
        for (const auto& name : extra) columns.push_back({name, Type::integer});
        for (const auto& name : extraTexts) columns.push_back({name, Type::text});
        for (const auto& f : e.fields)
            if (tiller::record::hasColumn(f.type) && !f.readOnly && f.enabled &&
                std::find(extra.begin(), extra.end(), f.name) == extra.end())
                columns.push_back({f.name, tiller::record::integerValued(f.type) ? Type::integer : Type::text});
        for (const char* stamp : {"created_at", "updated_at", "version"}) columns.push_back({stamp, Type::integer});
        for (std::size_t i = 0; i < columns.size(); ++i) index[columns[i].name] = i;
        created = index["created_at"];
        updated = index["updated_at"];
        version = index["version"];
        rows = std::make_unique<BulkInsert>(session, e.table, std::move(columns), kRowsPerStatement, before);
    }

    void add(long long recordId, const tiller::data::Values& values, long long now) {
        rows->addRow();
        rows->set(id, recordId);
        for (const auto& [column, value] : values) {
            auto it = index.find(column);
            if (it == index.end()) continue;
            if (std::holds_alternative<long long>(value))
                rows->set(it->second, std::get<long long>(value));
            else if (std::holds_alternative<std::string>(value))
                rows->set(it->second, std::get<std::string>(value));
        }
        rows->set(created, now);
        rows->set(updated, now);
        rows->set(version, 1LL);
    }
};

CustomerWriter::CustomerWriter(tiller::plugin::Host& host, soci::session& session, tiller::record::Store& store, long long nowMs)
    : host_(host),
      session_(session),
      now_(nowMs),
      user_(host.actingUser()),
      customerIds_(session, "contacts_customer"),
      contactIds_(session, "contacts_contact"),
      addressIds_(session, "contacts_address") {
    customerTable_ = std::make_unique<Table>(session, store.entity("contacts.customer"), nullptr, std::vector<std::string>{},
                                             std::vector<std::string>{"name_key", "name_prefix"});
    contactTable_ = std::make_unique<Table>(session, store.entity("contacts.contact"), customerTable_->rows.get(),
                                            std::vector<std::string>{"customer_id"});
    addressTable_ = std::make_unique<Table>(session, store.entity("contacts.address"), customerTable_->rows.get(),
                                            std::vector<std::string>{"customer_id"});
    phoneRows_ = std::make_unique<BulkInsert>(
        session, "contacts_phone",
        std::vector<BulkInsert::Column>{{"owner_kind", Type::text}, {"owner_id", Type::integer}, {"sort_order", Type::integer},
                                        {"raw", Type::text}, {"lookup_key", Type::text}, {"e164", Type::text},
                                        {"valid", Type::integer}, {"created_at", Type::integer}},
        kRowsPerStatement);
    searchRows_ = std::make_unique<BulkInsert>(
        session, "contacts_search",
        std::vector<BulkInsert::Column>{{"kind", Type::text}, {"record_id", Type::integer}, {"title", Type::text},
                                        {"title_key", Type::text}, {"haystack", Type::text}, {"short_tokens", Type::text}},
        kRowsPerStatement);
    auditRows_ = std::make_unique<BulkInsert>(
        session, "core_audit",
        std::vector<BulkInsert::Column>{{"entity", Type::text}, {"record_id", Type::integer}, {"action", Type::text},
                                        {"user_id", Type::integer}, {"at", Type::integer}, {"changes", Type::text}},
        kRowsPerStatement);
    // The hooks whose work this writer does in bulk are left out; every other one runs.
    auto replaced = [](const tiller::plugin::RecordHook* hook) {
        return std::find(std::begin(kWrittenInBulk), std::end(kWrittenInBulk), hook->id) != std::end(kWrittenInBulk);
    };
    for (const auto* hook : host.registry().hooksFor("contacts.customer"))
        if (hook->afterWrite && !replaced(hook)) customerHooks_.push_back(hook);
    for (const auto* hook : host.registry().hooksFor("contacts.contact"))
        if (hook->afterWrite && !replaced(hook)) contactHooks_.push_back(hook);
    for (const auto* hook : host.registry().hooksFor("contacts.address"))
        if (hook->afterWrite && !replaced(hook)) addressHooks_.push_back(hook);
}

CustomerWriter::~CustomerWriter() = default;

// The audit trail's list of changes for a created record, as data::Records writes it, without
// the closing bracket: the customer's id is added to a contact's and an address's when known.
static std::string auditChanges(const tiller::data::Values& values) {
    std::string changes = "[";
    for (const auto& [column, value] : values) {
        if (changes.size() > 1) changes += ',';
        changes += "{\"field\":";
        appendJson(changes, column);
        changes += ",\"old\":\"\",\"new\":";
        appendJson(changes, tiller::data::displayValue(value));
        changes += '}';
    }
    return changes;
}

void CustomerWriter::audit(const std::string& entity, long long id, std::string changes, std::optional<long long> customerId) {
    if (customerId) {
        if (changes.size() > 1) changes += ',';
        changes += "{\"field\":\"customer_id\",\"old\":\"\",\"new\":\"" + std::to_string(*customerId) + "\"}";
    }
    changes += ']';
    auditRows_->addRow();
    auditRows_->set(0, entity);
    auditRows_->set(1, id);
    auditRows_->set(2, std::string("create"));
    if (user_) auditRows_->set(3, *user_);
    auditRows_->set(4, now_);
    auditRows_->set(5, std::move(changes));
}

void CustomerWriter::phones(const char* kind, long long id, const std::vector<IndexedPhone>& numbers) {
    long long order = 0;
    for (const auto& p : numbers) {
        phoneRows_->addRow();
        phoneRows_->set(0, std::string(kind));
        phoneRows_->set(1, id);
        phoneRows_->set(2, order++);
        phoneRows_->set(3, p.typed);
        phoneRows_->set(4, p.key);
        if (p.valid) phoneRows_->set(5, p.e164);
        phoneRows_->set(6, p.valid ? 1LL : 0LL);
        phoneRows_->set(7, now_);
    }
}

void CustomerWriter::search(const char* kind, long long id, const std::string& title, const SearchIndex::Entry& entry) {
    searchRows_->addRow();
    searchRows_->set(0, std::string(kind));
    searchRows_->set(1, id);
    searchRows_->set(2, title);
    searchRows_->set(3, entry.titleKey);
    searchRows_->set(4, entry.haystack);
    searchRows_->set(5, entry.shortTokens);
}

void CustomerWriter::prepare(CheckedRow& row) {
    row.nameKey = nameKey(row.name);
    row.namePrefix = leadingCodePoints(row.nameKey, kNamePrefixLength);
    row.customerEntry = SearchIndex::entryOf(row.name, row.customerTexts);
    if (row.hasContact) row.contactEntry = SearchIndex::entryOf(row.contactName, row.contactTexts);
    row.customerAudit = auditChanges(row.customer);
    if (row.hasContact) row.contactAudit = auditChanges(row.contact);
    if (row.hasAddress) row.addressAudit = auditChanges(row.address);
}

std::pair<long long, long long> CustomerWriter::write(const CheckedRow& row) {
    long long customerId = customerIds_.next();
    customerTable_->add(customerId, row.customer, now_);
    customerTable_->rows->set(customerTable_->index["name_key"], row.nameKey);
    customerTable_->rows->set(customerTable_->index["name_prefix"], row.namePrefix);
    audit("contacts.customer", customerId, row.customerAudit, std::nullopt);
    phones("customer", customerId, row.customerPhones);
    search("customer", customerId, row.name, row.customerEntry);
    newCustomers_.push_back(customerId);
    long long contactId = 0;
    if (row.hasContact) {
        contactId = contactIds_.next();
        tiller::data::Values values = row.contact;
        values.emplace_back("customer_id", customerId);
        contactTable_->add(contactId, values, now_);
        audit("contacts.contact", contactId, row.contactAudit, customerId);
        phones("contact", contactId, row.contactPhones);
        search("contact", contactId, row.contactName, row.contactEntry);
        newContacts_.push_back(contactId);
        ++contacts_;
    }
    if (row.hasAddress) {
        long long addressId = addressIds_.next();
        tiller::data::Values values = row.address;
        values.emplace_back("customer_id", customerId);
        addressTable_->add(addressId, values, now_);
        audit("contacts.address", addressId, row.addressAudit, customerId);
        newAddresses_.push_back(addressId);
        ++addresses_;
    }
    return {customerId, contactId};
}

void CustomerWriter::flush() {
    customerTable_->rows->flush();
    contactTable_->rows->flush();
    addressTable_->rows->flush();
    phoneRows_->flush();
    searchRows_->flush();
    auditRows_->flush();
    for (long long id : newCustomers_)
        for (const auto* hook : customerHooks_) hook->afterWrite(host_, session_, id, true);
    for (long long id : newContacts_)
        for (const auto* hook : contactHooks_) hook->afterWrite(host_, session_, id, true);
    for (long long id : newAddresses_)
        for (const auto* hook : addressHooks_) hook->afterWrite(host_, session_, id, true);
    newCustomers_.clear();
    newContacts_.clear();
    newAddresses_.clear();
}

}  // namespace contacts
