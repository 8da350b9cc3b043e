// Files attached to a record's attachments field, kept in the database with the record (so a
// backup holds them), deleted with it.
#pragma once

#include <tiller/clock.hpp>
#include <tiller/plugin/host.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace tiller::record {

class Store;

struct Attachment {
    long long id = 0;
    std::string fileName;
    long long size = 0;
    long long addedAt = 0;
    std::string addedBy;
};

class Attachments {
public:
    explicit Attachments(Store& store) : store_(store) {}

    // Refuses files over kMaxBytes and fields that are not attachments fields; the record must
    // be editable (permission, scope, not locked in approval).
    long long add(const std::string& entity, long long recordId, const std::string& field,
                  const std::filesystem::path& file);
    std::vector<Attachment> list(const std::string& entity, long long recordId, const std::string& field);
    std::string content(long long attachmentId);  // the file's bytes
    void remove(long long attachmentId);

    static constexpr long long kMaxBytes = 20LL * 1024 * 1024;

private:
    Store& store_;
};

}  // namespace tiller::record
