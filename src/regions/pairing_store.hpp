#pragma once

#include <optional>
#include <vector>

#include "core/db/database.hpp"
#include "regions/pairing.hpp"

namespace shequ::regions {

// All SQL of pairings.
class PairingStore {
 public:
  static std::int64_t Insert(db::Connection& c, const Pairing& pairing);
  static std::optional<Pairing> Find(db::Connection& c, std::int64_t id);
  static void End(db::Connection& c, std::int64_t id, std::int64_t at, const std::string& reason);
  // Pairings of nodes in the subtree of `code`, newest first.
  static std::vector<Pairing> ListUnder(db::Connection& c, const std::string& code, bool with_history);
  static std::int64_t CountActive(db::Connection& c, const Pairing& like);
};

}  // namespace shequ::regions
