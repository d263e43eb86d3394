// The part of the tree a search covers, as SQL: every region-bound list (registry records,
// events, the tree itself) filters on code ranges of the caller's scope, narrowed to a subtree.
#pragma once

#include <string>
#include <vector>

#include "core/auth/scope.hpp"
#include "core/db/sql_params.hpp"

namespace shequ::regions {

// The subtrees a search covers: the caller's scope, narrowed to `region` when one is asked for.
// Throws NotFound when `region` lies outside the scope entirely. {""} means the whole tree.
std::vector<std::string> SearchPrefixes(const auth::Scope& scope, const std::string& region);

// "((col >= $1 AND col < $2) OR …)" over `columns` for each prefix; "" for the whole tree, and a
// condition that holds for nothing when there are no prefixes at all.
std::string SubtreeCondition(const std::vector<std::string>& prefixes,
                             const std::vector<std::string>& columns, db::SqlParams& params);

}  // namespace shequ::regions
