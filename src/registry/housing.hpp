// 实有房屋: what a community knows of a dwelling of the tree (keyed by its code), and the parties
// who own, share, rent or live in it. A party ends with a date and a reason and is kept.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace shequ::registry {

struct Housing {
  std::string dwelling_code;
  std::optional<double> area_m2;
  std::string use;
  std::string ownership;  // "shared" is 产权共有: owners with shares, the government's included
  std::string occupancy;
  std::string certificate_number;  // 不动产权证号
  std::string note;
  std::int64_t version = 1;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

struct HousingParty {
  std::int64_t id = 0;
  std::string dwelling_code;
  std::string role;  // owner, co_owner, tenant, occupant
  std::optional<std::int64_t> person_id;
  std::string party_name;  // the person's name, copied, or a body (汉阴县住房保障中心)
  std::optional<double> share_percent;
  std::string started_on;
  std::optional<std::string> ended_on;
  std::string end_reason;
  std::int64_t created_at = 0;
};

// The fields a create or a PATCH carries; absent means "not given" (unchanged).
struct HousingFields {
  std::optional<std::string> dwelling_code;  // on create only
  std::optional<double> area_m2;
  std::optional<std::string> use;
  std::optional<std::string> ownership;
  std::optional<std::string> occupancy;
  std::optional<std::string> certificate_number;
  std::optional<std::string> note;
  std::optional<std::int64_t> expected_version;  // PATCH: refuse when the record moved on
};

struct NewHousingParty {
  std::string role;
  std::optional<std::int64_t> person_id;  // a person the caller can see, or
  std::string party_name;                 // a name (a body, or someone outside the registry)
  std::optional<double> share_percent;    // owners and co-owners only
  std::optional<std::string> started_on;  // default today
};

struct HousingQuery {
  std::string region;
  std::string use;
  std::string ownership;
  std::string occupancy;
  std::int64_t limit = 20;
  std::int64_t offset = 0;
};

struct HousingPage {
  std::vector<Housing> items;
  std::int64_t total = 0;
  std::map<std::string, std::string> addresses;  // dwelling code → address
};

}  // namespace shequ::registry
