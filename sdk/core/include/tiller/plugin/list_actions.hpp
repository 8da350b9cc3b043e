// Helpers for ListAction (contributions.hpp): doing a batch one record at a time, each done or
// refused on its own, and saying what happened in one line.
#pragma once

#include <tiller/plugin/contributions.hpp>

#include <functional>
#include <string>
#include <vector>

namespace tiller::plugin {

// Runs `one` for each id in its own try: an exception refuses that record (its title and the
// exception's message) and the batch goes on. `title` names a record for the refusal; when it
// throws too, the record is named by its number.
ListActionResult eachRecord(const std::vector<long long>& ids, const std::function<std::string(long long)>& title,
                            const std::function<void(long long)>& one);

// "12 assigned, 2 refused: Acme: it has 3 tickets; 王记: ..." in the running language: `done`
// through its catalog, the rest through the shell's. At most `listed` refusals are spelled out.
std::string describeResult(const ListAction& action, const ListActionResult& result, std::size_t listed = 10);

}  // namespace tiller::plugin
