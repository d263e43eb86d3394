#include "regions/subtree_filter.hpp"

#include "core/errors/error.hpp"
#include "regions/region_store.hpp"

namespace shequ::regions {

std::vector<std::string> SearchPrefixes(const auth::Scope& scope, const std::string& region) {
  if (region.empty()) return scope.Prefixes();
  if (!auth::IsRegionCode(region)) {
    throw Error(ErrorCode::kInvalidQueryParameter, "region must be a region code.", "region 须为区划代码。",
                nlohmann::json::array({FieldDetail("region", "not_a_code")}));
  }
  if (scope.Contains(region)) return {std::string(auth::SignificantPrefix(region))};
  // A region above the caller's own area: the part of it they hold.
  const auto wanted = auth::SignificantPrefix(region);
  std::vector<std::string> prefixes;
  for (const auto& prefix : scope.Prefixes()) {
    if (prefix.starts_with(wanted)) prefixes.push_back(prefix);
  }
  if (prefixes.empty()) throw Error(ErrorCode::kNotFound);
  return prefixes;
}

std::string SubtreeCondition(const std::vector<std::string>& prefixes,
                             const std::vector<std::string>& columns, db::SqlParams& params) {
  std::string ranges;
  for (const auto& prefix : prefixes) {
    if (prefix.empty()) return "";
    const auto [low, high] = CodeRange(prefix);
    const auto low_param = params.Add(low);
    const auto high_param = params.Add(high);
    for (const auto& column : columns) {
      ranges += (ranges.empty() ? "" : " OR ") + ("(" + column + " >= " + low_param) + " AND " + column +
                " < " + high_param + ")";
    }
  }
  // No prefixes at all: a scope with no nodes sees nothing.
  return ranges.empty() ? "(1 = 0)" : "(" + ranges + ")";
}

}  // namespace shequ::regions
