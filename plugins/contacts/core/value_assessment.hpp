// Customer value assessment (价值评估, SPEC §2.5): assessment items (评估项目), each with a
// weight and a standard (评估标准) saying how to score it; users score a customer 0-100 per item
// and the customer's value is the weighted sum, Σ weight × score / 100 (0-100 when the weights
// add up to 100). Rule: the weights must add up to 100 — a set of items weighing more is
// refused, one weighing less is saved with a warning.
#pragma once

#include <tiller/clock.hpp>
#include <tiller/plugin/host.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace contacts {

struct AssessmentItem {
    long long id = 0;  // 0: not saved yet
    std::string name;
    int weight = 0;    // 0-100
    std::string standard;
    int version = 0;
};

struct ItemsSaved {
    int totalWeight = 0;
    std::string warning;  // "" when the weights add up to 100
};

struct ItemScore {
    AssessmentItem item;
    std::optional<int> score;  // 0-100; none until someone scores it
};

struct CustomerValue {
    std::vector<ItemScore> items;
    int totalWeight = 0;
    std::optional<double> value;  // none until at least one item is scored; unscored items count 0
};

class ValueAssessment {
public:
    ValueAssessment(tiller::plugin::Host& host, const tiller::Clock& clock) : host_(host), clock_(clock) {}

    std::vector<AssessmentItem> items();

    // Makes the items exactly `items`, in this order: id 0 adds one, a missing id removes it
    // (with its scores), the others change (a stale version is refused with Conflict). All or
    // nothing, audited; needs contacts.configure. ValidationError (nothing saved) for a blank or
    // repeated name, a weight outside 0-100, or weights adding up to more than 100.
    ItemsSaved saveItems(const std::vector<AssessmentItem>& items);

    // The sentence for a total weight that is not 100 ("" when it is): refused above, warned below.
    static std::string weightMessage(int totalWeight);

    CustomerValue value(long long customerId);
    // Scores (item id, 0-100) of one customer; items not listed keep theirs. Audited on the
    // customer ("assessment: <item>"); needs contacts.edit and the customer in the data scope.
    void score(long long customerId, const std::vector<std::pair<long long, int>>& scores);

private:
    tiller::plugin::Host& host_;
    const tiller::Clock& clock_;
};

}  // namespace contacts
