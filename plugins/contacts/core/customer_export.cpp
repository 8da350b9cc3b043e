#include "core/customer_export.hpp"

#include "core/customer_columns.hpp"
#include "core/import_text.hpp"

#include <tiller/db/row.hpp>
#include <tiller/i18n/catalogs.hpp>
#include <tiller/io/vcard.hpp>
#include <tiller/record/pager.hpp>

#include <csv.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <map>
#include <memory>

namespace contacts {
namespace {

using tiller::record::Field;
using tiller::record::FieldType;

constexpr std::size_t kIdsPerQuery = 500;

// What is exported of a customer's first contact and address, by import target.
constexpr const char* kContactColumns[] = {"name", "gender", "title", "mobile", "phone", "email", "birthday"};

struct Customer {
    std::map<std::string, std::string> text;  // target -> value as people read it
    long long creditLimit = 0;
    bool hasCreditLimit = false;
};

struct Target {
    std::filesystem::path file, temporary;
    explicit Target(std::filesystem::path f) : file(std::move(f)), temporary(file) { temporary += ".part"; }
    ~Target() {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);  // only still there when the export failed
    }
    void commit() {
        std::error_code error;
        std::filesystem::rename(temporary, file, error);
        if (error) throw tiller::Error(say(N_("cannot write {1}: {2}"), {file.string(), error.message()}));
    }
};

std::string idList(const std::vector<long long>& ids, std::size_t from, std::size_t count) {
    std::string list;
    for (std::size_t i = 0; i < count; ++i) list += (i ? "," : "") + std::to_string(ids[from + i]);
    return list;
}

// The customers with these ids, read a chunk at a time; `row` gets them in the order given.
class Reader {
public:
    Reader(tiller::plugin::Host& host, tiller::record::Store& store) : host_(host), store_(store) {
        const auto& e = store.entity("contacts.customer");
        for (const auto& f : e.fields)
            if (tiller::record::hasColumn(f.type) && !f.readOnly && f.enabled) fields_.push_back(&f);
    }
    const std::vector<const Field*>& fields() const { return fields_; }

    void read(const std::vector<long long>& ids, tiller::jobs::Progress& progress, const std::function<void(Customer&)>& row) {
        for (std::size_t from = 0; from < ids.size(); from += kIdsPerQuery) {
            tiller::jobs::checkpoint(progress, static_cast<long long>(from), static_cast<long long>(ids.size()));
            std::size_t count = std::min(kIdsPerQuery, ids.size() - from);
            std::map<long long, Customer> chunk = readChunk(idList(ids, from, count));
            for (std::size_t i = 0; i < count; ++i)
                if (auto it = chunk.find(ids[from + i]); it != chunk.end()) row(it->second);
        }
        tiller::jobs::checkpoint(progress, static_cast<long long>(ids.size()), static_cast<long long>(ids.size()));
    }

private:
    std::map<long long, Customer> readChunk(const std::string& list) {
        std::map<long long, Customer> out;
        host_.database().withSession([&](soci::session& s) {
            std::string columns = "id";
            for (const auto* f : fields_) columns += ", " + f->name;
            soci::rowset<soci::row> rows = s.prepare << "SELECT " + columns + " FROM contacts_customer WHERE id IN (" + list + ")";
            for (const auto& r : rows) {
                Customer& c = out[tiller::db::integerAt(r, 0)];
                for (std::size_t i = 0; i < fields_.size(); ++i) {
                    auto value = tiller::record::valueAt(*fields_[i], r, i + 1);
                    c.text[fields_[i]->name] = store_.text(*fields_[i], value);
                    if (fields_[i]->name == "credit_limit" && std::holds_alternative<long long>(value)) {
                        c.creditLimit = std::get<long long>(value);
                        c.hasCreditLimit = true;
                    }
                }
            }
            std::string contactColumns;
            for (const char* c : kContactColumns) contactColumns += std::string(", ") + c;
            soci::rowset<soci::row> contacts = s.prepare << "SELECT customer_id" + contactColumns +
                                                                " FROM contacts_contact WHERE customer_id IN (" + list +
                                                                ") ORDER BY customer_id, id";
            for (const auto& r : contacts) {
                Customer& c = out[tiller::db::integerAt(r, 0)];
                if (c.text.count("contact.name")) continue;  // the first contact only
                for (std::size_t i = 0; i < std::size(kContactColumns); ++i)
                    c.text[std::string("contact.") + kContactColumns[i]] = tiller::db::displayAt(r, i + 1);
            }
            soci::rowset<soci::row> addresses = s.prepare << "SELECT customer_id, address, postcode, type_id FROM contacts_address "
                                                             "WHERE customer_id IN (" + list + ") ORDER BY customer_id, id";
            for (const auto& r : addresses) {
                Customer& c = out[tiller::db::integerAt(r, 0)];
                if (c.text.count("address")) continue;
                c.text["address"] = tiller::db::textAt(r, 1);
                c.text["address.postcode"] = tiller::db::textAt(r, 2);
                if (auto type = tiller::db::optionalIntegerAt(r, 3)) c.text["address.type"] = store_.dictionaryName(*type);
            }
        });
        return out;
    }

    tiller::plugin::Host& host_;
    tiller::record::Store& store_;
    std::vector<const Field*> fields_;
};

// The export's columns: the customer's fields, the contact, the address, then custom fields.
std::vector<ImportTarget> exportColumns(const tiller::record::Entity& customer) {
    std::vector<ImportTarget> columns;
    for (auto& t : importTargets(customer)) {
        bool contact = t.key.rfind("contact.", 0) == 0;
        bool wanted = t.group == "customer" || t.group == "custom" || t.key == "address" || t.key == "address.postcode" ||
                      t.key == "address.type";
        if (contact)
            for (const char* c : kContactColumns) wanted = wanted || t.key == std::string("contact.") + c;
        if (wanted) columns.push_back(std::move(t));
    }
    // Customer fields first, then the contact and the address, then custom fields, as targets list them.
    return columns;
}

void writeDelimited(FILE* out, const std::vector<std::string>& cells, char delimiter) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) std::fputc(delimiter, out);
        csv_fwrite(out, cells[i].data(), cells[i].size());
    }
    std::fputs("\r\n", out);
}

tiller::io::Vcard card(const Customer& c) {
    auto get = [&](const char* key) {
        auto it = c.text.find(key);
        return it == c.text.end() ? std::string() : it->second;
    };
    tiller::io::Vcard v;
    std::string contact = get("contact.name");
    v.formattedName = contact.empty() ? get("name") : contact;
    if (!contact.empty()) v.organization = get("name");
    v.title = get("contact.title");
    v.note = get("notes");
    v.birthday = get("contact.birthday");
    auto tel = [&](const std::string& number, std::vector<std::string> types) {
        if (!number.empty()) v.phones.push_back({std::move(types), number});
    };
    tel(get("mobile"), {"cell"});
    tel(get("phone"), {"work", "voice"});
    tel(get("fax"), {"work", "fax"});
    tel(get("contact.phone"), {"home", "voice"});
    tel(get("contact.mobile"), {"cell"});
    if (!get("email").empty()) v.emails.push_back({{"work"}, get("email")});
    if (!get("contact.email").empty()) v.emails.push_back({{"home"}, get("contact.email")});
    if (!get("address").empty()) {
        tiller::io::VcardAddress a;
        a.types = {"work"};
        a.street = get("address");
        a.postalCode = get("address.postcode");
        v.addresses.push_back(std::move(a));
    }
    return v;
}

}  // namespace

std::optional<FileFormat> exportFormatOf(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    for (auto& c : ext)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (ext.size() > 1) return formatFromName(ext.substr(1));
    return std::nullopt;
}

long long exportCustomers(tiller::plugin::Host& host, const tiller::Clock& clock, const CustomerExportOptions& options,
                          const std::filesystem::path& file, tiller::jobs::Progress& progress) {
    host.require("contacts.export");
    auto store = std::make_shared<tiller::record::Store>(host, clock);
    const auto* list = host.registry().list("contacts.customers");
    if (!list) throw tiller::NotFound("the customer list (contacts.customers) is not declared");
    tiller::record::Query query;
    query.search = options.query;
    tiller::record::RecordPager pager(store, *list, query);  // the list's order, search and data scope
    std::vector<long long> ids;
    tiller::jobs::Silent silent;
    pager.forEach(silent, [&](long long id, const std::vector<tiller::data::Value>&) { ids.push_back(id); });

    Reader reader(host, *store);
    auto columns = exportColumns(store->entity("contacts.customer"));
    std::vector<std::string> header;
    for (const auto& c : columns) header.push_back(c.label);
    auto cells = [&](const Customer& c) {
        std::vector<std::string> out;
        for (const auto& column : columns) {
            auto it = c.text.find(column.key);
            out.push_back(it == c.text.end() ? std::string() : it->second);
        }
        return out;
    };

    Target target(file);
    long long written = 0;
    if (options.format == FileFormat::xlsx) {
        lxw_workbook_options xlsx{};
        xlsx.constant_memory = 1;  // rows go to disk as they are written: a million fit
        lxw_workbook* book = workbook_new_opt(target.temporary.c_str(), &xlsx);
        if (!book) throw tiller::Error(say(N_("cannot write {1} (missing folder or not permitted)"), {file.string()}));
        lxw_worksheet* sheet = workbook_add_worksheet(book, nullptr);
        lxw_format* bold = workbook_add_format(book);
        format_set_bold(bold);
        lxw_format* money = workbook_add_format(book);
        format_set_num_format(money, "#,##0.00");
        for (std::size_t c = 0; c < header.size(); ++c) {
            worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), header[c].c_str(), bold);
            worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), c == 0 ? 30 : 16, nullptr);
        }
        try {
            reader.read(ids, progress, [&](Customer& customer) {
                auto row = static_cast<lxw_row_t>(++written);
                auto values = cells(customer);
                for (std::size_t c = 0; c < values.size(); ++c) {
                    if (values[c].empty()) continue;
                    auto col = static_cast<lxw_col_t>(c);
                    if (columns[c].key == "credit_limit" && customer.hasCreditLimit)
                        worksheet_write_number(sheet, row, col, static_cast<double>(customer.creditLimit) / 100.0, money);
                    else
                        worksheet_write_string(sheet, row, col, values[c].c_str(), nullptr);
                }
            });
        } catch (...) {
            workbook_close(book);
            throw;
        }
        if (lxw_error error = workbook_close(book); error != LXW_NO_ERROR)
            throw tiller::Error(say(N_("cannot write {1}: {2}"), {file.string(), lxw_strerror(error)}));
    } else {
        std::unique_ptr<FILE, int (*)(FILE*)> out(std::fopen(target.temporary.c_str(), "wb"), &std::fclose);
        if (!out) throw tiller::Error(say(N_("cannot write {1} (missing folder or not permitted)"), {file.string()}));
        std::vector<tiller::io::Vcard> cards;
        if (options.format == FileFormat::vcf) {
            reader.read(ids, progress, [&](Customer& customer) {
                cards.push_back(card(customer));
                ++written;
                if (cards.size() == kIdsPerQuery) {
                    std::fputs(tiller::io::writeVcards(cards).c_str(), out.get());
                    cards.clear();
                }
            });
            std::fputs(tiller::io::writeVcards(cards).c_str(), out.get());
        } else {
            char delimiter = options.format == FileFormat::txt ? '\t' : ',';
            std::fputs("\xEF\xBB\xBF", out.get());
            writeDelimited(out.get(), header, delimiter);
            reader.read(ids, progress, [&](Customer& customer) {
                writeDelimited(out.get(), cells(customer), delimiter);
                ++written;
            });
        }
        if (std::fflush(out.get()) != 0 || std::ferror(out.get()))
            throw tiller::Error(say(N_("cannot write {1} (disk full?)"), {file.string()}));
    }
    target.commit();
    return written;
}

}  // namespace contacts
