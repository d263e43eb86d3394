#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "regions/region.hpp"

namespace shequ::regions {

// One row of a national import: code, name, parent code, level, and where it came from.
struct ImportRow {
  std::string code;
  std::string name;
  std::string parent_code;
  int level = 0;
  std::string kind;
  std::string short_name;
};

struct ImportCounts {
  std::int64_t total = 0;
  std::int64_t added = 0;
  std::int64_t renamed = 0;
  std::int64_t retired = 0;
  std::int64_t restored = 0;
};

// All SQL of the regions module.
class RegionStore {
 public:
  static std::optional<Region> Find(db::Connection& c, const std::string& code);
  static std::vector<Region> FindMany(db::Connection& c, const std::vector<std::string>& codes);
  static RegionPage Children(db::Connection& c, const std::string& parent, std::int64_t limit,
                             std::int64_t offset);
  static std::int64_t CountChildren(db::Connection& c, const std::string& parent);
  // Nodes whose name contains `text`, inside the code ranges of `prefixes` ({""} = all).
  static RegionPage Search(db::Connection& c, const std::vector<std::string>& prefixes,
                           const std::string& text, std::optional<int> level, std::int64_t limit);
  // Active nodes at community level and below inside the code ranges of `prefixes` ({""} = all),
  // for resolving addresses typed in imports.
  static std::vector<Region> CommunityAndBelow(db::Connection& c, const std::vector<std::string>& prefixes);
  static bool Empty(db::Connection& c);
  static std::optional<std::string> LastChildCode(db::Connection& c, const std::string& parent);
  static void Insert(db::Connection& c, const Region& region);
  static void Update(db::Connection& c, const Region& region);
  static void Delete(db::Connection& c, const std::string& code);

  static std::int64_t TreeVersion(db::Connection& c);
  static void BumpTreeVersion(db::Connection& c);

  // National import: rows go into a temporary table, then merge into regions set-wise.
  static void BeginImport(db::Connection& c);
  static void StageImportRows(db::Connection& c, const std::vector<ImportRow>& rows);
  // `complete`: the staged rows are the whole tree, so national nodes missing from them retire.
  static ImportCounts MergeImport(db::Connection& c, std::int64_t now, const std::string& source,
                                  bool complete);
};

// [low, high) code range of a subtree with significant prefix `prefix`.
std::pair<std::string, std::string> CodeRange(const std::string& prefix);

}  // namespace shequ::regions
