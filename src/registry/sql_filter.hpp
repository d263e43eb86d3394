// Building the WHERE clauses of registry searches: numbered parameters, and the code ranges of
// the subtrees a caller may see.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/auth/scope.hpp"
#include "core/db/database.hpp"

namespace shequ::registry {

class SqlParams {
 public:
  // Appends a value and returns its placeholder ("$3").
  std::string Add(db::Value value);
  const std::vector<db::Value>& values() const { return values_; }

 private:
  std::vector<db::Value> values_;
};

// The subtrees a search covers: the caller's scope, narrowed to `region` when one is asked for.
// Throws NotFound when `region` lies outside the scope entirely. {""} means the whole tree.
std::vector<std::string> SearchPrefixes(const auth::Scope& scope, const std::string& region);

// "((col >= $1 AND col < $2) OR …)" over `columns` for each prefix; "" for the whole tree.
std::string SubtreeCondition(const std::vector<std::string>& prefixes,
                             const std::vector<std::string>& columns, SqlParams& params);

// Does any of `codes` lie inside the scope? (A record is visible through any of its places.)
bool AnyInside(const auth::Scope& scope, std::initializer_list<const std::string*> codes);

}  // namespace shequ::registry
