// Generic create, read, update and delete for every declared entity: values are checked
// against the fields' types and rules, a stale save is refused (Conflict names who changed the
// record and when), every change is audited, the data scope and the entity's permissions
// hold, and a record waiting in a locking approval flow cannot be changed.
#pragma once

#include <tiller/clock.hpp>
#include <tiller/plugin/host.hpp>
#include <tiller/record/codec.hpp>
#include <tiller/record/entity.hpp>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tiller::record {

struct Record {
    std::string entity;
    long long id = 0;
    int version = 0;
    long long createdAt = 0, updatedAt = 0;
    std::map<std::string, data::Value> values;  // every column field, NULL included

    const data::Value& value(const std::string& field) const;
};

// Field name -> text as typed ("1,234.50", "2026-03-08", a picklist name or id ...).
using Input = std::vector<std::pair<std::string, std::string>>;

class Store : public Lookups {
public:
    Store(plugin::Host& host, const Clock& clock);

    // The declared entity with its custom fields (NotFound for an unknown id).
    const Entity& entity(const std::string& id);

    Record read(const std::string& entity, long long id);
    // The problems `input` has, field by field; empty when it could be saved. `creating`
    // also checks required fields that were not given.
    std::vector<FieldError> check(const std::string& entity, const Input& input, bool creating);
    // Throw InvalidRecord listing every problem, PermissionDenied, Conflict (stale or locked).
    long long create(const std::string& entity, const Input& input);
    int update(const std::string& entity, long long id, int expectedVersion, const Input& changes);
    // create() in two halves, for jobs that make many records in one transaction (import):
    // the column values create() would insert for `input` (the owner filled in), with the
    // problems added to `errors`; then their insert through the caller's session, audited like
    // create(). Neither checks the edit permission nor publishes RecordSaved: the caller does,
    // once, and after its commit.
    data::Values prepareNew(const std::string& entity, const Input& input, std::vector<FieldError>& errors);
    long long insertNew(soci::session& session, const std::string& entity, const data::Values& values);
    // Conflict when a plugin's RecordHook refuses (the reasons joined), after the permission,
    // scope and approval-lock checks.
    void remove(const std::string& entity, long long id);

    // Sends the record to an approval flow; the flow's conditions see its fields (money in
    // major units, picklists by code), and `extra` besides (what the submission asks for, e.g.
    // the status a customer is to reach), which wins over a field of the same name. Sets the
    // entity's state field to "pending".
    long long submit(const std::string& entity, long long id, const std::string& flowId,
                     const std::map<std::string, std::string>& extra = {});
    // The record's type for forms' show_for: the picklist value's code, or the text.
    std::string recordType(const Record& record);

    // A value as people read it.
    // Text Tiller keeps itself (a read-only field such as an approval state: draft, pending ...)
    // is shown through the shell's catalog.
    std::string text(const Field& field, const data::Value& value);
    // Records whose searchable fields contain `query`, for reference pickers: id and title.
    std::vector<std::pair<long long, std::string>> find(const std::string& entity, const std::string& query, int limit);

    // Lookups
    std::optional<long long> dictionaryId(const std::string& kind, const std::string& text) override;
    std::optional<long long> recordId(const std::string& entity, const std::string& text) override;
    std::optional<long long> userId(const std::string& text) override;
    std::string dictionaryName(long long id) override;
    std::string recordTitle(const std::string& entity, long long id) override;
    std::string userName(long long id) override;
    std::string dictionaryCode(long long id);

    plugin::Host& host() { return host_; }
    const Clock& clock() const { return clock_; }

private:
    // Parses `input` into column values, adding problems to `errors`.
    data::Values parse(const Entity& e, const Input& input, bool creating, std::vector<FieldError>& errors);
    void requireEditable(const Entity& e, long long id);
    // Runs the plugins' RecordHooks for a written record inside the save's transaction.
    void afterWrite(soci::session& session, const Entity& e, long long id, bool created);
    std::string scope(const Entity& e) const;

    plugin::Host& host_;
    const Clock& clock_;
    std::map<std::string, Entity> entities_;
    std::map<long long, std::string> dictionaryNames_, dictionaryCodes_;
    std::map<long long, std::string> userNames_;
};

// The columns of an entity's table the Store reads (every field that has one).
std::vector<const Field*> columnFields(const Entity& entity);
// A soci row's column as a Value: integers for integer-valued types, text otherwise.
data::Value valueAt(const Field& field, const soci::row& row, std::size_t column);

}  // namespace tiller::record
