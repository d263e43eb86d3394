#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "open311/open311.hpp"

namespace shequ::open311 {

// All SQL of the Open311 module: API keys, and what clients sent with their requests.
class Open311Store {
 public:
  static std::int64_t InsertKey(db::Connection& c, const ApiKey& key);
  static std::vector<ApiKey> Keys(db::Connection& c);
  static std::optional<ApiKey> KeyByHash(db::Connection& c, const std::string& key_hash);
  static std::optional<ApiKey> KeyByName(db::Connection& c, const std::string& name);
  static std::optional<ApiKey> KeyById(db::Connection& c, std::int64_t id);
  static void RevokeKey(db::Connection& c, std::int64_t id, std::int64_t at);

  static void InsertRequest(db::Connection& c, std::int64_t event_id, std::int64_t api_key_id,
                            const std::string& media_url);
  // Media URLs (one a line) of those of `event_ids` that came in through Open311.
  static std::map<std::int64_t, std::string> MediaOf(db::Connection& c,
                                                     const std::vector<std::int64_t>& event_ids);
};

}  // namespace shequ::open311
