// Scope: the part of the region tree a user may see. Every read and write of a region-bound
// object asks Scope::Contains; nothing else decides containment.
//
// Region codes are the 12-digit 统计用区划代码 (2 province + 2 city + 2 county + 3 town +
// 3 village digits); nodes below a community extend their community's code with more digits.
// A node's descendants therefore share its significant prefix (its code without the trailing
// zero groups of the levels below it), so containment is a prefix test that needs no tree walk.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace shequ::auth {

// True for a 12-digit statistical code or a longer all-digit code below a community.
bool IsRegionCode(std::string_view code);

// The part of `code` every descendant shares: "610921000000" → "610921", "610921103002" →
// "610921103002". Returns "" for the national root "000000000000".
std::string_view SignificantPrefix(std::string_view code);

class Scope {
 public:
  static Scope National();
  static Scope Of(std::vector<std::string> codes);

  bool national() const { return national_; }
  const std::vector<std::string>& codes() const { return codes_; }

  // Is the node `code` inside (or equal to) one of this scope's nodes?
  bool Contains(std::string_view code) const;
  // Is `code` inside this scope, or on the path down to it (an ancestor of one of its nodes)?
  // The path is what a user browses through to reach their own area.
  bool Overlaps(std::string_view code) const;
  // Does this scope cover every node of `other`? Used when one user manages another.
  bool Covers(const Scope& other) const;
  // Significant prefixes of the scope's nodes, for `column LIKE prefix || '%'` filters in SQL.
  std::vector<std::string> Prefixes() const;

 private:
  bool national_ = false;
  std::vector<std::string> codes_;
};

}  // namespace shequ::auth
