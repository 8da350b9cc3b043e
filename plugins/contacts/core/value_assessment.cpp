#include "value_assessment.hpp"
#include "value_text.hpp"

#include <tiller/data/records.hpp>
#include <tiller/db/row.hpp>
#include <tiller/errors.hpp>
#include <tiller/record/store.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace contacts {
namespace {

using value_text::fill;
using value_text::tr;

constexpr const char* kItemEntity = "contacts.assessment_item";

std::string trimmed(const std::string& text) {
    auto start = text.find_first_not_of(" \t\r\n");
    if (start == std::string::npos) return "";
    return text.substr(start, text.find_last_not_of(" \t\r\n") - start + 1);
}

std::vector<AssessmentItem> readItems(soci::session& s) {
    std::vector<AssessmentItem> out;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, name, weight, standard, version FROM contacts_assessment_item ORDER BY position, id");
    for (const auto& r : rows)
        out.push_back({tiller::db::integerAt(r, 0), tiller::db::textAt(r, 1), static_cast<int>(tiller::db::integerAt(r, 2)),
                       tiller::db::textAt(r, 3), static_cast<int>(tiller::db::integerAt(r, 4))});
    return out;
}

}  // namespace

std::vector<AssessmentItem> ValueAssessment::items() {
    return host_.database().withSession([](soci::session& s) { return readItems(s); });
}

std::string ValueAssessment::weightMessage(int total) {
    if (total > 100)
        return fill(tr("the weights add up to %s, more than 100: lower some before saving"), {std::to_string(total)});
    if (total < 100) return fill(tr("the weights add up to %s, less than 100: the values cannot reach 100"), {std::to_string(total)});
    return "";
}

ItemsSaved ValueAssessment::saveItems(const std::vector<AssessmentItem>& wanted) {
    host_.require("contacts.configure");
    int total = 0;
    std::set<std::string> names;
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        std::string name = trimmed(wanted[i].name), which = fill(tr("item %s"), {std::to_string(i + 1)});
        if (name.empty()) throw tiller::ValidationError("name", which + ": " + tr("give the item a name"));
        if (!names.insert(name).second)
            throw tiller::ValidationError("name", fill(tr("there are two items named '%s'"), {name}));
        if (wanted[i].weight < 0 || wanted[i].weight > 100)
            throw tiller::ValidationError("weight", which + " (" + name + "): " + tr("the weight must be between 0 and 100"));
        total += wanted[i].weight;
    }
    if (total > 100) throw tiller::ValidationError("weight", weightMessage(total));

    host_.database().inTransaction([&](soci::session& s) {
        tiller::data::Records records(s, host_.actingUser(), clock_.nowMs());
        auto existing = readItems(s);
        std::set<long long> kept;
        for (const auto& item : wanted) kept.insert(item.id);
        // Removals first, so a name freed by one item can be taken by another.
        for (const auto& old : existing)
            if (!kept.count(old.id)) {
                s << "DELETE FROM contacts_assessment_score WHERE item_id = :id", soci::use(old.id);
                records.remove("contacts_assessment_item", kItemEntity, old.id, {"name", "weight", "standard"});
            }
        for (std::size_t i = 0; i < wanted.size(); ++i) {
            const auto& item = wanted[i];
            tiller::data::Values values{{"name", trimmed(item.name)},
                                        {"weight", static_cast<long long>(item.weight)},
                                        {"standard", trimmed(item.standard)},
                                        {"position", static_cast<long long>(i)}};
            if (item.id == 0) {
                records.insert("contacts_assessment_item", kItemEntity, values);
                continue;
            }
            auto old = std::find_if(existing.begin(), existing.end(), [&](const auto& e) { return e.id == item.id; });
            if (old == existing.end())
                throw tiller::Conflict(fill(tr("the item '%s' was removed by someone else meanwhile"), {item.name}));
            records.update("contacts_assessment_item", kItemEntity, item.id, item.version, values);
        }
    });
    return {total, weightMessage(total)};
}

CustomerValue ValueAssessment::value(long long customerId) {
    tiller::record::Store(host_, clock_).read("contacts.customer", customerId);  // data scope
    return host_.database().withSession([&](soci::session& s) {
        CustomerValue out;
        std::map<long long, int> scores;
        soci::rowset<soci::row> rows = (s.prepare << "SELECT item_id, score FROM contacts_assessment_score WHERE customer_id = :c",
                                        soci::use(customerId));
        for (const auto& r : rows) scores[tiller::db::integerAt(r, 0)] = static_cast<int>(tiller::db::integerAt(r, 1));
        double sum = 0;
        for (auto& item : readItems(s)) {
            out.totalWeight += item.weight;
            std::optional<int> score;
            if (auto it = scores.find(item.id); it != scores.end()) {
                score = it->second;
                sum += item.weight * it->second / 100.0;
            }
            out.items.push_back({std::move(item), score});
        }
        if (!scores.empty()) out.value = sum;
        return out;
    });
}

void ValueAssessment::score(long long customerId, const std::vector<std::pair<long long, int>>& scores) {
    host_.require("contacts.edit");
    tiller::record::Store(host_, clock_).read("contacts.customer", customerId);  // data scope
    auto by = host_.actingUser();
    long long now = clock_.nowMs();
    host_.database().inTransaction([&](soci::session& s) {
        std::map<long long, AssessmentItem> items;
        for (auto& item : readItems(s)) items[item.id] = item;
        std::vector<tiller::data::FieldChange> changes;
        for (const auto& [itemId, score] : scores) {
            auto item = items.find(itemId);
            if (item == items.end())
                throw tiller::ValidationError("item", fill(tr("there is no assessment item %s"), {std::to_string(itemId)}));
            if (score < 0 || score > 100)
                throw tiller::ValidationError("score", item->second.name + ": " + tr("a score must be between 0 and 100"));
            int old = -1;
            soci::indicator oldInd = soci::i_null;
            s << "SELECT score FROM contacts_assessment_score WHERE customer_id = :c AND item_id = :i", soci::use(customerId),
                soci::use(itemId), soci::into(old, oldInd);
            bool had = s.got_data();
            if (had && old == score) continue;
            long long byId = by.value_or(0);
            soci::indicator byInd = by ? soci::i_ok : soci::i_null;
            if (had)
                s << "UPDATE contacts_assessment_score SET score = :s, scored_by = :b, scored_at = :t "
                     "WHERE customer_id = :c AND item_id = :i",
                    soci::use(score), soci::use(byId, byInd), soci::use(now), soci::use(customerId), soci::use(itemId);
            else
                s << "INSERT INTO contacts_assessment_score (customer_id, item_id, score, scored_by, scored_at) "
                     "VALUES (:c, :i, :s, :b, :t)",
                    soci::use(customerId), soci::use(itemId), soci::use(score), soci::use(byId, byInd), soci::use(now);
            changes.push_back({"assessment: " + item->second.name, had ? std::to_string(old) : "", std::to_string(score)});
        }
        if (!changes.empty())
            tiller::data::Records(s, by, now).audit("contacts.customer", customerId, "update", changes);
    });
}

}  // namespace contacts
