// Addresses as people type them in spreadsheets, resolved to nodes of the tree: a code, the
// standard address, or its part from the community (兴隆佳苑社区 3栋2单元501室) or from the compound
// down, with or without spaces. Loaded once per import for the importer's scope.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/db/database.hpp"

namespace shequ::registry {

class AddressBook {
 public:
  static AddressBook Load(db::Connection& c, const std::vector<std::string>& prefixes);

  struct Match {
    std::optional<std::string> code;
    std::string problem;  // unknown_address or ambiguous_address when there is no code
  };
  Match Find(std::string_view text) const;
  bool Knows(const std::string& code) const { return levels_.contains(code); }
  int LevelOf(const std::string& code) const;

 private:
  void Add(const std::string& key, const std::string& code);

  std::unordered_map<std::string, int> levels_;
  std::unordered_map<std::string, std::string> by_text_;  // "" marks an ambiguous text
};

}  // namespace shequ::registry
