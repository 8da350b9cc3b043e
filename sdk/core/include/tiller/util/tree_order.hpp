// Orders records of a tree (each with `id` and an optional `parentId`) so that every parent
// comes before its children, depth first, keeping the given order among siblings; a tree
// view can then be built in one pass.
#pragma once

#include <functional>
#include <optional>
#include <vector>

namespace tiller::util {

template <class Node>
std::vector<Node> parentsFirst(const std::vector<Node>& flat) {
    std::vector<Node> ordered;
    std::function<void(std::optional<long long>)> walk = [&](std::optional<long long> parent) {
        for (const auto& node : flat)
            if (node.parentId == parent) {
                ordered.push_back(node);
                walk(node.id);
            }
    };
    walk(std::nullopt);
    return ordered;
}

}  // namespace tiller::util
