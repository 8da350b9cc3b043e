#include <tiller/record/attachments.hpp>

#include <tiller/data/records.hpp>
#include <tiller/db/row.hpp>
#include <tiller/record/store.hpp>

#include <sodium.h>

#include <fstream>
#include <sstream>

namespace tiller::record {
namespace {

std::string toBase64(const std::string& bytes) {
    std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1);  // the terminating NUL
    return out;
}

std::string fromBase64(const std::string& text) {
    std::string out(text.size(), '\0');
    std::size_t length = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                          &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
        throw Error("a stored attachment is damaged (not base64)");
    out.resize(length);
    return out;
}

}  // namespace

long long Attachments::add(const std::string& entityId, long long recordId, const std::string& field,
                           const std::filesystem::path& file) {
    const Entity& e = store_.entity(entityId);
    const Field* f = e.field(field);
    if (!f || f->type != FieldType::attachments) throw ValidationError(field, "is not an attachments field of " + e.id);
    // Same rules as any change of the record (permission, scope, approval lock, stale check).
    Record record = store_.read(entityId, recordId);
    store_.update(entityId, recordId, record.version, {});
    std::error_code error;
    auto size = std::filesystem::file_size(file, error);
    if (error) throw ValidationError(field, file.string() + " cannot be read: " + error.message());
    if (static_cast<long long>(size) > kMaxBytes)
        throw ValidationError(field, file.filename().string() + " is larger than 20 MB; attach a smaller file");
    std::ifstream in(file, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    if (!in) throw ValidationError(field, file.string() + " cannot be read");
    std::string encoded = toBase64(bytes.str());
    std::string name = file.filename().string();
    auto& host = store_.host();
    long long now = store_.clock().nowMs();
    return host.database().inTransaction([&](soci::session& s) {
        long long id = 0;
        long long length = static_cast<long long>(size);
        auto user = host.actingUser();
        long long userId = user.value_or(0);
        soci::indicator userInd = user ? soci::i_ok : soci::i_null;
        s << "INSERT INTO core_attachment (entity, record_id, field, file_name, size, content, added_by, added_at) "
             "VALUES (:e, :r, :f, :n, :s, :c, :u, :t) RETURNING id",
            soci::use(entityId), soci::use(recordId), soci::use(field), soci::use(name), soci::use(length),
            soci::use(encoded), soci::use(userId, userInd), soci::use(now), soci::into(id);
        data::Records(s, user, now).audit(entityId, recordId, "update", {{field, "", name}});
        return id;
    });
}

std::vector<Attachment> Attachments::list(const std::string& entityId, long long recordId, const std::string& field) {
    store_.read(entityId, recordId);  // permission and scope
    return store_.host().database().withSession([&](soci::session& s) {
        std::vector<Attachment> out;
        soci::rowset<soci::row> rows =
            (s.prepare << "SELECT a.id, a.file_name, a.size, a.added_at, COALESCE(u.name, '') FROM core_attachment a "
                          "LEFT JOIN core_user u ON u.id = a.added_by WHERE a.entity = :e AND a.record_id = :r AND "
                          "a.field = :f ORDER BY a.id",
             soci::use(entityId), soci::use(recordId), soci::use(field));
        for (const auto& r : rows)
            out.push_back({db::integerAt(r, 0), db::textAt(r, 1), db::integerAt(r, 2), db::integerAt(r, 3), db::textAt(r, 4)});
        return out;
    });
}

std::string Attachments::content(long long attachmentId) {
    auto [entity, record, text] = store_.host().database().withSession([&](soci::session& s) {
        soci::row r;
        s << "SELECT entity, record_id, content FROM core_attachment WHERE id = :id", soci::use(attachmentId), soci::into(r);
        if (!s.got_data()) throw NotFound("the attachment " + std::to_string(attachmentId) + " no longer exists");
        return std::tuple{db::textAt(r, 0), db::integerAt(r, 1), db::textAt(r, 2)};
    });
    store_.read(entity, record);  // permission and scope
    return fromBase64(text);
}

void Attachments::remove(long long attachmentId) {
    auto [entity, record, field, name] = store_.host().database().withSession([&](soci::session& s) {
        soci::row r;
        s << "SELECT entity, record_id, field, file_name FROM core_attachment WHERE id = :id", soci::use(attachmentId),
            soci::into(r);
        if (!s.got_data()) throw NotFound("the attachment " + std::to_string(attachmentId) + " no longer exists");
        return std::tuple{db::textAt(r, 0), db::integerAt(r, 1), db::textAt(r, 2), db::textAt(r, 3)};
    });
    Record current = store_.read(entity, record);
    store_.update(entity, record, current.version, {});  // editable?
    auto& host = store_.host();
    host.database().inTransaction([&](soci::session& s) {
        s << "DELETE FROM core_attachment WHERE id = :id", soci::use(attachmentId);
        data::Records(s, host.actingUser(), store_.clock().nowMs()).audit(entity, record, "update", {{field, name, ""}});
    });
}

}  // namespace tiller::record
